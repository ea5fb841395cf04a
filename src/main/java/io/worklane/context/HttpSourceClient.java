package io.worklane.context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON service: GET the expanded URL template, read the configured JSON pointers from the answer. */
class HttpSourceClient implements SourceClient {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "context-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final ContextProperties.Source source;
    private final List<String> allowedHosts;
    private final long maxResponseBytes;
    private final ObjectMapper json;
    private final HttpClient http;
    private final List<String> placeholders;
    private final Map<String, JsonPointer> pointers = new LinkedHashMap<>();

    HttpSourceClient(ContextProperties.Source source, List<String> allowedHosts, long maxResponseBytes,
            ObjectMapper json) {
        this.source = source;
        this.allowedHosts = allowedHosts;
        this.maxResponseBytes = maxResponseBytes;
        this.json = json;
        this.placeholders = placeholders(source);
        source.attributes().forEach((attribute, pointer) -> {
            try {
                pointers.put(attribute, JsonPointer.compile(pointer));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException("Context source '" + source.name() + "': attribute '" + attribute
                        + "' has an invalid JSON pointer '" + pointer + "' (it starts with '/').", e);
            }
        });
        this.http = HttpClient.newBuilder().connectTimeout(source.timeout()).build();
    }

    /** The host is fixed by the configuration: placeholders may stand in the path and query only. */
    private List<String> placeholders(ContextProperties.Source source) {
        if (source.url() == null || source.url().isBlank()) {
            throw new IllegalStateException("Context source '" + source.name() + "' (HTTP) needs a url.");
        }
        URI probe = URI.create(PLACEHOLDER.matcher(source.url()).replaceAll("x"));
        String authority = source.url().replaceFirst("^[a-z]+://", "").split("/", 2)[0];
        if (!List.of("http", "https").contains(probe.getScheme()) || authority.contains("{")) {
            throw new IllegalStateException("Context source '" + source.name()
                    + "': the url must be http(s) with a fixed host; placeholders go in the path or query.");
        }
        requireAllowed(probe);
        Matcher matcher = PLACEHOLDER.matcher(source.url());
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    private void requireAllowed(URI uri) {
        if (!allowedHosts.contains(uri.getHost())) {
            throw new IllegalStateException("Context source '" + source.name() + "' calls " + uri.getHost()
                    + ", which is not in worklane.context.allowed-hosts " + allowedHosts + ".");
        }
    }

    @Override
    public Optional<String> request(Map<String, Object> item) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : placeholders) {
            Object value = item.get(name);
            // "." and ".." would survive encoding and move the request up the source's path
            if (value == null || value.toString().isBlank() || value.toString().matches("\\.{1,2}")) {
                return Optional.empty();
            }
            values.put(name, value.toString());
        }
        // encode() encodes the template first and then each value completely: a value cannot add path or query
        return Optional.of(UriComponentsBuilder.fromUriString(source.url()).encode().buildAndExpand(values).toUriString());
    }

    @Override
    public Optional<Map<String, Object>> fetch(Map<String, Object> item) {
        URI uri = URI.create(request(item).orElseThrow());
        requireAllowed(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(source.timeout())
            .header("Accept", "application/json")
            .GET()
            .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (HttpTimeoutException e) {
            throw new SourceFailure("no answer within " + source.timeout().toMillis() + " ms", true, e);
        }
        catch (IOException e) {
            throw new SourceFailure("call failed: " + e.getMessage(), true, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceFailure("interrupted", false, e);
        }
        InputStream body = response.body();
        // the request time-out ends with the headers: a body that stalls is cut off at the same deadline
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(body), source.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try (body) {
            int status = response.statusCode();
            if (status == 404) {
                return Optional.empty();
            }
            if (status >= 300) {
                throw new SourceFailure("HTTP " + status, status >= 500 || status == 429, null);
            }
            return Optional.of(attributesFrom(readLimited(body)));
        }
        catch (IOException e) {
            String reason = deadline.isDone() ? "no complete answer within " + source.timeout().toMillis() + " ms"
                    : "answer unreadable: " + e.getMessage();
            throw new SourceFailure(reason, true, e);
        }
        finally {
            deadline.cancel(false);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        }
        catch (IOException e) {
            // closing is all we wanted
        }
    }

    private byte[] readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxResponseBytes + 1));
        if (bytes.length > maxResponseBytes) {
            throw new SourceFailure("answer larger than " + maxResponseBytes + " bytes", false, null);
        }
        return bytes;
    }

    private Map<String, Object> attributesFrom(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (IOException e) {
            throw new SourceFailure("answer is not JSON", false, e);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        pointers.forEach((attribute, pointer) -> {
            JsonNode node = root.at(pointer);
            if (node.isNumber()) {
                attributes.put(attribute, node.isIntegralNumber() && node.canConvertToInt() ? node.intValue()
                        : node.isIntegralNumber() ? node.longValue() : node.doubleValue());
            }
            else if (node.isBoolean()) {
                attributes.put(attribute, node.booleanValue());
            }
            else if (node.isTextual()) {
                attributes.put(attribute, node.textValue());
            }
        });
        return attributes;
    }
}

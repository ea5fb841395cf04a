package io.worklane.web;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say. {@code application.yaml} switches off Jackson's scalar coercion
 * ({@code "5"} for a number), floats for integers, numbers for enums and trailing content; this adds what no
 * property reaches: no number or boolean for a text field, an instant only as an ISO-8601 string (Jackson's own
 * reads {@code 1700000000} as epoch seconds whatever the coercion settings), and, for bodies the API reads, no
 * control characters in any string or key ({@link ControlCharacterCheck}). The last one is kept to Spring MVC's
 * converter: the same mapper also reads third-party context answers and stored JSON, which were never refused
 * for it.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    private static final CoercionInputShape[] NON_TEXT = { CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean };

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.deserializerByType(Instant.class, new IsoInstantDeserializer())
            .postConfigurer(mapper -> {
                for (CoercionInputShape shape : NON_TEXT) {
                    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                }
            });
    }

    /** Replaces Boot's JSON converter (same mapper) with one whose parsers refuse control characters. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper mapper) {
        ControlCharacterCheck.Factory checked = new ControlCharacterCheck.Factory(mapper.getFactory(), mapper);
        return new MappingJackson2HttpMessageConverter(mapper) {

            @Override
            protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
                return reader.with(checked);
            }
        };
    }

    /** An {@link Instant} from an ISO-8601 string with a date and a time ({@code 2026-12-01T12:00:00Z}) only. */
    static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().trim();
            try {
                return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            }
            catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 instant such as 2026-12-01T12:00:00Z");
            }
        }
    }
}

package io.worklane.capture;

import java.math.BigDecimal;
import java.util.ArrayList;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.media.Schema;
import io.worklane.workitem.CaptureAttribute;

/** The capture body's limits in the OpenAPI description, from {@link CaptureAttribute} like the checks. */
@Configuration(proxyBeanMethods = false)
class CaptureApiSchema {

    @Bean
    OpenApiCustomizer captureAttributeLimits() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> body = openApi.getComponents().getSchemas().get(CaptureRequest.class.getSimpleName());
            if (body == null || body.getProperties() == null) {
                return;
            }
            body.setRequired(new ArrayList<>());
            for (CaptureAttribute attribute : CaptureAttribute.values()) {
                Schema<?> property = body.getProperties().get(attribute.fieldName());
                if (property != null) {
                    describe(property, attribute.rule());
                }
                if (attribute == CaptureAttribute.EXTERNAL_ID) {
                    // sourceSystem is required too, unless a source system captures for itself
                    body.addRequiredItem(attribute.fieldName());
                }
            }
        };
    }

    private static void describe(Schema<?> property, CaptureAttribute.Rule rule) {
        switch (rule.type()) {
            case TEXT -> {
                property.setMaxLength(rule.maxLength());
                property.setPattern(rule.pattern());
                if (rule.leadMaxLength() != null) {
                    property.setDescription("at most " + rule.leadMaxLength() + " characters for leads");
                }
            }
            case WHOLE_NUMBER -> {
                property.setMinimum(BigDecimal.valueOf(rule.min()));
                property.setMaximum(BigDecimal.valueOf(rule.max()));
            }
            case DECIMAL -> {
                property.setMinimum(BigDecimal.ZERO);
                property.setMultipleOf(BigDecimal.ONE.movePointLeft(rule.scale()));
            }
            case OBJECT -> property.setMaxProperties(rule.maxLength());
            case INSTANT -> property.setFormat("date-time");
        }
    }
}

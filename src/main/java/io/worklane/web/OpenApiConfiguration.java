package io.worklane.web;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI description at {@code /v3/api-docs} and {@code /swagger-ui.html} (both behind login). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Worklane API", version = "1",
        description = "Capture point for source systems, the universal queue and agents. Errors are RFC 9457 "
                + "problem details with a stable type under https://worklane.io/problems/."),
        security = { @SecurityRequirement(name = "apiToken"), @SecurityRequirement(name = "basic") })
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "wl_...",
        description = "A source system's API token (issued by an administrator: POST /api/source-systems/{id}/tokens)")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A person: a Camunda user and password (source systems are refused here)")
class OpenApiConfiguration {
}

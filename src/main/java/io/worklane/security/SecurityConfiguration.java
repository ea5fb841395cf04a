package io.worklane.security;

import static io.worklane.security.WorklaneGroups.ADMINS;
import static io.worklane.security.WorklaneGroups.SOURCE_SYSTEMS;
import static io.worklane.security.WorklaneGroups.SUPERVISORS;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Security guards only Worklane's own API and Actuator; Cockpit/Tasklist ({@code /camunda}) keep Camunda's
 * session login and CSRF protection, and {@code /engine-rest} gets Camunda's HTTP Basic filter. Per-item rules
 * (a source system sees only its own items, an agent only itself) are checked in the controllers.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/api/work-items/**").hasAnyAuthority(SOURCE_SYSTEMS, SUPERVISORS, ADMINS)
                .requestMatchers("/api/queue/**").hasAnyAuthority(SUPERVISORS, ADMINS)
                .requestMatchers(HttpMethod.PUT, "/api/agents/*").hasAnyAuthority(SUPERVISORS, ADMINS)
                .requestMatchers("/api/agents/**").authenticated()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                .anyRequest().hasAuthority(ADMINS))
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // stateless Basic auth, no cookies: CSRF does not apply
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** The engine REST API is open by default; Camunda Run guards it the same way. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}

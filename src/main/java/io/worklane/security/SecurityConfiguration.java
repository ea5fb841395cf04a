package io.worklane.security;

import static io.worklane.security.WorklaneGroups.ADMINS;
import static io.worklane.security.WorklaneGroups.AGENTS;
import static io.worklane.security.WorklaneGroups.MONITORING;
import static io.worklane.security.WorklaneGroups.PROCESS_OWNERS;
import static io.worklane.security.WorklaneGroups.SOURCE_SYSTEMS;
import static io.worklane.security.WorklaneGroups.SUPERVISORS;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Security guards only Worklane's own API and Actuator; Cockpit/Tasklist ({@code /camunda}) keep Camunda's
 * session login and CSRF protection, and {@code /engine-rest} gets Camunda's authentication filter with Worklane's
 * provider. On both, people send HTTP Basic and source systems their API token; {@code /api} also takes the webapps'
 * session with its CSRF token ({@link WebappSessionAuthentication}), for Tasklist and Cockpit plugins. Per-item rules (a source system
 * sees only its own items, an agent only itself) are checked in the controllers.
 */
@Configuration
@ConditionalOnWebApplication // a what-if run (io.worklane.simulation) serves nothing
class SecurityConfiguration {

    @Bean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, CallerIdentities identities,
            ProcessEngine engine) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyAuthority(MONITORING, ADMINS)
                .requestMatchers("/api/reports/facts/**").hasAuthority(ADMINS)
                .requestMatchers("/api/reports/**").hasAnyAuthority(SUPERVISORS, ADMINS)
                // agents read the items they hold (WorkItemAccess); changing an item is the source's or a supervisor's
                .requestMatchers(HttpMethod.GET, "/api/work-items/**")
                .hasAnyAuthority(SOURCE_SYSTEMS, SUPERVISORS, ADMINS, AGENTS)
                .requestMatchers("/api/work-items/**").hasAnyAuthority(SOURCE_SYSTEMS, SUPERVISORS, ADMINS)
                .requestMatchers("/api/queue/**").hasAnyAuthority(SUPERVISORS, ADMINS)
                .requestMatchers(HttpMethod.PUT, "/api/agents/*").hasAnyAuthority(SUPERVISORS, ADMINS)
                .requestMatchers("/api/agents/**").authenticated()
                // a source system manages its own webhooks (WebhookController checks whose)
                .requestMatchers("/api/source-systems/*/webhooks", "/api/source-systems/*/webhooks/**")
                .hasAnyAuthority(SOURCE_SYSTEMS, ADMINS)
                .requestMatchers("/api/source-systems/**").hasAuthority(ADMINS)
                .requestMatchers("/api/webhooks/**").hasAnyAuthority(SUPERVISORS, ADMINS)
                .requestMatchers(HttpMethod.GET, "/api/decisions").hasAnyAuthority(PROCESS_OWNERS, SUPERVISORS, ADMINS)
                // supervisors of some departments only are refused by the simulations themselves (io.worklane.simulation)
                .requestMatchers("/api/simulations", "/api/simulations/**")
                .hasAnyAuthority(PROCESS_OWNERS, SUPERVISORS, ADMINS)
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                .anyRequest().hasAuthority(ADMINS))
            .addFilterBefore(ApiAuthentication.bearerFilter(identities, problems), BasicAuthenticationFilter.class)
            .addFilterBefore(new WebappSessionAuthentication(identities, problems, engine.getName()),
                    BasicAuthenticationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                // a webapp session authenticates each request anew (its login is Camunda's, which replaces the
                // session itself): a new session id per /api call would log out the webapps' calls alongside
                .sessionFixation(fixation -> fixation.none()))
            // Basic and Bearer send no cookies: no CSRF; the webapps' session is checked for its token by its own filter
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** The engine REST API is open by default; Camunda Run guards it with the same filter. */
    @Bean
    FilterRegistrationBean<EngineRestAuthentication.Filter> engineRestAuthentication(CallerIdentities identities,
            ProblemResponses problems) {
        var provider = new EngineRestAuthentication(identities, problems);
        var registration = new FilterRegistrationBean<>(new EngineRestAuthentication.Filter(provider));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Around the webapps' login and logout, and told of every session that ends. */
    @Bean
    FilterRegistrationBean<WebappLogouts> webappLogoutsFilter(WebappLogouts logouts, CamundaBpmProperties camunda) {
        var registration = new FilterRegistrationBean<>(logouts);
        registration.setName("webapp-logouts");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
        return registration;
    }

    @Bean
    ServletListenerRegistrationBean<WebappLogouts> webappLogoutsListener(WebappLogouts logouts) {
        return new ServletListenerRegistrationBean<>(logouts);
    }

    @Bean
    WebappLogouts webappLogouts(ApplicationEventPublisher publisher, ProcessEngine engine) {
        return new WebappLogouts(publisher, engine.getName());
    }

    /** Before Spring Security and every other authentication, so that a blocked address is turned away first. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, problems));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}

package io.worklane.security;

import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How an {@code /api} caller becomes an authenticated principal: Basic (people) and Bearer (source systems) end in
 * the same shape, user id plus Camunda groups as authorities, so {@link Caller} and the URL rules see no difference.
 */
final class ApiAuthentication {

    private static final String BEARER = "Bearer ";

    private ApiAuthentication() {
    }

    static Authentication of(CallerIdentities.Identified identified) {
        return UsernamePasswordAuthenticationToken.authenticated(identified.userId(), null,
                identified.groups().stream().map(SimpleGrantedAuthority::new).toList());
    }

    /**
     * Spring Security's generic authentication filter, fed with {@code Authorization: Bearer} tokens; requests
     * without one pass on to HTTP Basic. A refused token answers 401 through the entry point.
     */
    static AuthenticationFilter bearerFilter(CallerIdentities identities, AuthenticationEntryPoint problems) {
        AuthenticationManager byToken = presented -> {
            var outcome = identities.byToken((String) presented.getCredentials());
            if (!outcome.isIdentified()) {
                throw new RefusedCredentials(outcome.refusal());
            }
            return of(outcome.identified());
        };
        AuthenticationFilter filter = new AuthenticationFilter(byToken, ApiAuthentication::bearerToken);
        // the default success handler redirects like a login form; an API call just goes on
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    private static Authentication bearerToken(HttpServletRequest request) {
        String header = request.getHeader(AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return new PreAuthenticatedAuthenticationToken(null, header.substring(BEARER.length()).trim());
    }
}

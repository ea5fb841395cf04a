package io.worklane.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on {@code /api}: a person's password, checked by Camunda's identity service; groups become
 * authorities. A source system's Basic credentials are refused unchecked: it authenticates with its API token.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final CallerIdentities identities;

    CamundaIdentityAuthenticationProvider(CallerIdentities identities) {
        this.identities = identities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object password = authentication.getCredentials();
        var outcome = identities.byPassword(authentication.getName(), password == null ? null : password.toString());
        if (!outcome.isIdentified()) {
            throw new RefusedCredentials(outcome.refusal());
        }
        return ApiAuthentication.of(outcome.identified());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

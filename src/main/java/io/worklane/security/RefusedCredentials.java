package io.worklane.security;

import org.springframework.security.authentication.BadCredentialsException;

/** Credentials refused on {@code /api}, with the reason the 401 problem names. */
class RefusedCredentials extends BadCredentialsException {

    final CallerIdentities.Refusal refusal;

    RefusedCredentials(CallerIdentities.Refusal refusal) {
        super(refusal.name());
        this.refusal = refusal;
    }
}

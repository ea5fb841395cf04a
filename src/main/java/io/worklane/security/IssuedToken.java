package io.worklane.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A newly issued token: the only time its secret value leaves Worklane. */
public record IssuedToken(String token, @JsonUnwrapped SourceSystemToken metadata) {

    @Override
    public String toString() {
        return "IssuedToken[" + metadata + "]";
    }
}

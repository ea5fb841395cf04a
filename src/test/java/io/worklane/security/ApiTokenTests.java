package io.worklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTokenTests {

    @Test
    void aNewTokenIsPrefixedRandomAndParsesBack() {
        ApiToken token = ApiToken.generate();
        assertThat(token.value()).matches("wl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
        assertThat(ApiToken.generate().value()).isNotEqualTo(token.value());
        assertThat(ApiToken.parse(token.value())).contains(token);
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void onlyTheRightSecretMatchesTheStoredHash() {
        ApiToken token = ApiToken.generate();
        String stored = token.secretHash();
        assertThat(stored).hasSize(64).doesNotContain(token.secret());
        assertThat(token.matches(stored)).isTrue();
        assertThat(new ApiToken(token.id(), token.secret() + "x").matches(stored)).isFalse();
    }

    @Test
    void anythingNotShapedLikeATokenIsNoToken() {
        assertThat(ApiToken.parse(null)).isEmpty();
        assertThat(ApiToken.parse("crm:crm")).isEmpty();
        assertThat(ApiToken.parse("wl_123_secret")).isEmpty();
        assertThat(ApiToken.parse("wl_0123456789ABCDEF0123456789abcdef_secret")).isEmpty();
        assertThat(ApiToken.parse("wl_0123456789abcdef0123456789abcdef_")).isEmpty();
        assertThat(ApiToken.parse("wl_0123456789abcdef0123456789abcdef_se cret")).isEmpty();
    }
}

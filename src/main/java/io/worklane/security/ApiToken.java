package io.worklane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source system's API token: {@code wl_<id>_<secret>}. The id (32 hex digits) names the row, so a token is found
 * by primary key and its secret checked in constant time against the stored hash; the secret is 32 random bytes,
 * URL-safe base64. A plain SHA-256 is enough for such a secret: nobody can guess 256 random bits, so a slow
 * password hash would only make every request slower. The prefix lets secret scanners and people recognise it.
 */
record ApiToken(String id, String secret) {

    static final String PREFIX = "wl_";

    private static final Pattern FORMAT = Pattern.compile("wl_([0-9a-f]{32})_([A-Za-z0-9_-]{1,200})");
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiToken generate() {
        byte[] id = new byte[16];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything that is not shaped like a token: it cannot be one, no need to ask the database. */
    static Optional<ApiToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(presented);
        return matcher.matches() ? Optional.of(new ApiToken(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** What the source system sends as {@code Authorization: Bearer ...}. */
    String value() {
        return PREFIX + id + "_" + secret;
    }

    String secretHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant time, so that the time an answer takes tells nothing about how much of a guess was right. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the secret: a token must not end up in a log line through a record's default toString. */
    @Override
    public String toString() {
        return PREFIX + id + "_***";
    }
}

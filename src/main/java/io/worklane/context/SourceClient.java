package io.worklane.context;

import java.util.Map;
import java.util.Optional;

/** Asks one source about one item. */
interface SourceClient {

    /** The request this item leads to (the cache key), or empty when the item lacks what the request needs. */
    Optional<String> request(Map<String, Object> item);

    /**
     * @return the attributes the source knows, or empty when it does not know the item
     * @throws SourceFailure when the source fails (time-out, error status, bad or oversized answer)
     */
    Optional<Map<String, Object>> fetch(Map<String, Object> item);

    /** A failed call; worth retrying unless the source refused the request itself. */
    class SourceFailure extends RuntimeException {

        private final boolean retryable;

        SourceFailure(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }
}

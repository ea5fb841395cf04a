package io.worklane.insights;

import java.util.SortedMap;

/**
 * Durations kept as counts per bucket, so that percentiles can be read from sums over any range: bucket 0 holds
 * 0 s, bucket b ≥ 1 holds [1.2^(b-1), 1.2^b) seconds, so a percentile read back is within a fifth of the true one.
 */
final class DurationBuckets {

    private static final double GROWTH = 1.2;
    private static final int LAST = 200;

    private DurationBuckets() {
    }

    static int bucketOf(long seconds) {
        if (seconds < 1) {
            return 0;
        }
        return Math.min(LAST, 1 + (int) Math.floor(Math.log(seconds) / Math.log(GROWTH) + 1e-9));
    }

    /** The geometric middle of a bucket: what a duration in it is read back as. */
    static long representative(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        return Math.round(Math.pow(GROWTH, bucket - 0.5));
    }

    /**
     * @param counts how many durations fell in each bucket
     * @param fraction 0.5 for the median, 0.9 for the 90th percentile
     * @return null when there are none
     */
    static Long percentile(SortedMap<Integer, Long> counts, double fraction) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (var bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return representative(bucket.getKey());
            }
        }
        return representative(counts.lastKey());
    }
}

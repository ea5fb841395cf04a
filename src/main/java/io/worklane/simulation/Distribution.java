package io.worklane.simulation;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * A handle-time distribution in seconds.
 *
 * @param type EXPONENTIAL (mean), LOGNORMAL (mean and standard deviation) or FIXED (mean)
 */
public record Distribution(Type type, double meanSeconds, Double sdSeconds) {

    public enum Type {
        EXPONENTIAL, LOGNORMAL, FIXED
    }

    public Distribution {
        if (type == null) {
            throw new IllegalArgumentException("a distribution needs a type: EXPONENTIAL, LOGNORMAL or FIXED");
        }
        if (!(meanSeconds > 0 && meanSeconds <= 3e7)) {
            throw new IllegalArgumentException("a distribution's meanSeconds is above 0 and at most a year");
        }
        if (type == Type.LOGNORMAL && (sdSeconds == null || !(sdSeconds > 0 && sdSeconds <= 3e7))) {
            throw new IllegalArgumentException("a LOGNORMAL distribution needs sdSeconds above 0 (at most a year)");
        }
    }

    /**
     * The value at cumulative probability {@code u}: items draw their {@code u} once, so that two runs handle
     * the same item for the same time.
     */
    double quantile(double u) {
        double p = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
        return switch (type) {
            case FIXED -> meanSeconds;
            case EXPONENTIAL -> new ExponentialDistribution(null, meanSeconds).inverseCumulativeProbability(p);
            case LOGNORMAL -> {
                // the log-normal whose mean and standard deviation these are
                double variance = Math.log(1 + (sdSeconds * sdSeconds) / (meanSeconds * meanSeconds));
                double scale = Math.log(meanSeconds) - variance / 2;
                yield new LogNormalDistribution(null, scale, Math.sqrt(variance)).inverseCumulativeProbability(p);
            }
        };
    }

    /** The log-normal fitted to observed handle times (their mean and standard deviation); null for none. */
    static Distribution fittedTo(double[] seconds) {
        if (seconds.length == 0) {
            return null;
        }
        double mean = java.util.Arrays.stream(seconds).average().orElseThrow();
        if (seconds.length < 2 || mean <= 0) {
            return new Distribution(Type.FIXED, Math.max(mean, 1), null);
        }
        double sd = new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(seconds);
        return sd > 0 ? new Distribution(Type.LOGNORMAL, mean, sd) : new Distribution(Type.FIXED, mean, null);
    }
}

package io.worklane.simulation;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * One random stream per kind of draw, all from the scenario's seed: two runs of one scenario draw the same arrivals
 * and handle times whatever their rules do with them (common random numbers make their difference the rules').
 */
final class RandomStreams {

    private final RandomGenerator arrivals;
    private final RandomGenerator handleTimes;
    private final RandomGenerator answers;
    private final RandomGenerator pauses;

    RandomStreams(long seed) {
        arrivals = new Well19937c(new int[] { (int) seed, (int) (seed >>> 32), 1 });
        handleTimes = new Well19937c(new int[] { (int) seed, (int) (seed >>> 32), 2 });
        answers = new Well19937c(new int[] { (int) seed, (int) (seed >>> 32), 3 });
        pauses = new Well19937c(new int[] { (int) seed, (int) (seed >>> 32), 4 });
    }

    RandomGenerator arrivals() {
        return arrivals;
    }

    RandomGenerator handleTimes() {
        return handleTimes;
    }

    RandomGenerator answers() {
        return answers;
    }

    RandomGenerator pauses() {
        return pauses;
    }
}

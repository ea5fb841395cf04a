package io.worklane.simulation;

/**
 * The M/M/c queue's waiting figures (Erlang C): Poisson arrivals at rate lambda, exponential handle times of mean
 * 1/mu, c agents, first come first served.
 */
record ErlangC(int agents, double arrivalsPerSecond, double meanHandleSeconds) {

    /** The offered load a = lambda / mu, in agents. */
    double offeredLoad() {
        return arrivalsPerSecond * meanHandleSeconds;
    }

    /** rho = a / c. */
    double utilisation() {
        return offeredLoad() / agents;
    }

    /**
     * The probability that an arrival waits: C(c, a) = B(c, a) / (1 - rho (1 - B(c, a))), with Erlang B by its
     * recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
     */
    double probabilityOfWaiting() {
        double a = offeredLoad();
        double blocking = 1;
        for (int k = 1; k <= agents; k++) {
            blocking = a * blocking / (k + a * blocking);
        }
        return blocking / (1 - utilisation() * (1 - blocking));
    }

    /** The mean wait in queue over all arrivals: Wq = C / (c mu - lambda). */
    double meanWaitSeconds() {
        return probabilityOfWaiting() / (agents / meanHandleSeconds - arrivalsPerSecond);
    }
}

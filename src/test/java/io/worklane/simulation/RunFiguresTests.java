package io.worklane.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunFiguresTests {

    @Test
    void theGiniCoefficientIsZeroForEqualAgentsAndNearOneWhenOneDoesAll() {
        assertThat(RunFigures.gini(new int[] { 7, 7, 7, 7 })).isZero();
        assertThat(RunFigures.gini(new int[] { 0, 0, 0, 12 })).isCloseTo(0.75, within(1e-12));
        // mean absolute difference 2/3 * ... : pairs (1,2) (1,3) (2,3) differ by 1, 2, 1 → G = 4 / (2 * 9 * 2) * 3
        assertThat(RunFigures.gini(new int[] { 3, 1, 2 })).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(RunFigures.gini(new int[] { 0, 0 })).isZero();
        assertThat(RunFigures.gini(new int[0])).isNull();
    }

    @Test
    void spreadsReadPercentilesOfTheValues() {
        double[] values = new double[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = i;
        }
        RunFigures.Spread spread = RunFigures.Spread.of(values);
        assertThat(spread.count()).isEqualTo(101);
        assertThat(spread.mean()).isEqualTo(50);
        assertThat(spread.p50()).isEqualTo(50);
        assertThat(spread.p90()).isEqualTo(90);
        assertThat(spread.p99()).isEqualTo(99);
        assertThat(spread.max()).isEqualTo(100);
        assertThat(RunFigures.Spread.of(new double[0]).mean()).isNull();
    }

    @Test
    void handleTimeDistributionsHaveTheirMeans() {
        Distribution exponential = new Distribution(Distribution.Type.EXPONENTIAL, 300, null);
        assertThat(exponential.quantile(1 - Math.exp(-1))).isCloseTo(300, within(1e-6));
        Distribution lognormal = new Distribution(Distribution.Type.LOGNORMAL, 180, 60.0);
        double mean = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            mean += lognormal.quantile((i + 0.5) / n) / n;
        }
        assertThat(mean).isCloseTo(180, within(0.5));
        assertThat(Distribution.fittedTo(new double[] { 120, 180, 240 })).isEqualTo(
                new Distribution(Distribution.Type.LOGNORMAL, 180, 60.0));
        assertThat(Distribution.fittedTo(new double[] { 90 })).isEqualTo(new Distribution(Distribution.Type.FIXED, 90, null));
    }
}

package io.worklane.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulation against Erlang C at 100,000 arrivals per load, ρ = 0.7, 0.85 and 0.95 (M/M/5, mean handle time
 * 5 minutes). Only {@code ./mvnw verify -Pbench} runs it; the table goes to stdout and
 * {@code target/benchmark/erlang-c.md}. The theory is taken at the load each run drew (its arrivals per second and
 * mean handle time) and, for reference, at the nominal one.
 */
@Tag("benchmark")
class ErlangCBenchmark {

    @Test
    void oneHundredThousandArrivalsPerLoadWaitAsErlangCSays() throws Exception {
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        List<ErlangCValidation.Row> rows = ErlangCValidation.run(new double[] { 0.7, 0.85, 0.95 }, 100_000, 42,
                out.resolve("erlang-c-runs"));
        StringBuilder table = new StringBuilder(ErlangCValidation.Row.header()).append('\n');
        rows.forEach(row -> table.append(row.line()).append('\n'));
        System.out.print(table);
        Files.writeString(out.resolve("erlang-c.md"), table);

        assertThat(rows).allSatisfy(row -> {
            assertThat(Math.abs(row.waitError())).as("mean wait at ρ = %s", row.rho()).isLessThan(0.05);
            assertThat(Math.abs(row.waitedShareError())).as("P(wait) at ρ = %s", row.rho()).isLessThan(0.05);
        });
    }
}

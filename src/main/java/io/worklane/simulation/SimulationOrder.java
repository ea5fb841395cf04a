package io.worklane.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/simulations}: a recorded period ({@code from}, {@code to}) or a whole
 * {@code scenario}, run with the deployed models as "current" and, given candidate models or a candidate roster, once
 * more as "candidate".
 *
 * @param candidateModels file name to content ({@code priority-schema.dmn}, ...), deployed over the current models
 * @param candidateRoster replaces the roster in the candidate run
 * @param seed the random streams' seed (1 when absent)
 */
public record SimulationOrder(
        Instant from,
        Instant to,
        @Valid Scenario scenario,
        @Size(max = 20) Map<@Pattern(regexp = "[A-Za-z0-9_.-]{1,100}\\.(dmn|bpmn)") String,
                @NotBlank @Size(max = 2_000_000) String> candidateModels,
        @Size(max = 1000) List<@Valid RosterAgent> candidateRoster,
        @Min(0) @Max(Long.MAX_VALUE) Long seed) {

    boolean hasCandidate() {
        return candidateModels != null && !candidateModels.isEmpty() || candidateRoster != null;
    }
}

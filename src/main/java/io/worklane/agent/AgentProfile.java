package io.worklane.agent;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/agents/{agentId}}: the whole profile, replaced at once. {@code answerMode} null:
 * as configured for the item's department.
 */
public record AgentProfile(
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(max = 100) Map<@NotBlank @Size(max = 100) String, @NotNull @Min(0) @Max(10) Integer> skills,
        @NotNull @Size(max = 20) Map<@NotBlank @Size(max = 32) @Pattern(regexp = "[a-z][a-z0-9_-]*") String,
                @NotNull @Min(0) @Max(100) Integer> capacity,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> groups,
        AnswerMode answerMode) {
}

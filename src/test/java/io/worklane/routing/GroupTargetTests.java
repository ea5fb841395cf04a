package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.worklane.models.DecisionOutputCheck;

/** Group targets: a skill expression may require (or exclude) membership of an agent's routing groups. */
class GroupTargetTests {

    private static final String SALES = "Sales Processing";
    private static final SkillExpression SEED = SkillExpression.parse("group = \"Team North\" and Sales Processing > 4");

    @ParameterizedTest(name = "{0}, in {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            5 | Team North            | true
            5 | Team North,Team South | true
            4 | Team North            | false
            9 | Team South            | false
            9 | team north            | false
            9 | null                  | false
            """)
    void theSeedExampleNeedsTheGroupAndTheSkill(int sales, String groups, boolean expected) {
        Set<String> in = groups == null ? Set.of() : Set.of(groups.split(","));
        assertThat(SEED.matches(Map.of(SALES, sales), in)).isEqualTo(expected);
    }

    @Test
    void anAgentWithoutGroupsMatchesNoGroupCondition() {
        assertThat(SEED.matches(Map.of(SALES, 9))).isFalse();
        assertThat(SkillExpression.parse("group != \"Team North\"").matches(Map.of())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            group = "Team North" and Sales Processing > 4     | group = "Team North" and Sales Processing > 4
            GROUP   =   "Team   North"   AND Sales Processing>4 | group = "Team North" and Sales Processing > 4
            group = Team North and Sales Processing > 4       | group = "Team North" and Sales Processing > 4
            group = North                                     | group = "North"
            Group != North or A > 1                           | group != "North" or A > 1
            not group = North                                 | not group = "North"
            (group = A or group = B) and X > 1                | (group = "A" or group = "B") and X > 1
            group = "a > b (or not)"                          | group = "a > b (or not)"
            "group" > 3                                       | "group" > 3
            "Group" = 3                                       | "Group" = 3
            Group Insurance > 3                               | Group Insurance > 3
            """)
    void groupConditionsHaveACanonicalTextThatReadsBack(String written, String canonical) {
        SkillExpression expression = SkillExpression.parse(written);
        assertThat(expression.text()).isEqualTo(canonical);
        assertThat(SkillExpression.parse(expression.text())).isEqualTo(expression);
    }

    @Test
    void groupsAndSkillsAreListedApart() {
        SkillExpression expression = SkillExpression.parse("(group = A or group = B) and X > 1 and not group = A");
        assertThat(expression.groups()).containsExactly("A", "B");
        assertThat(expression.skills()).containsExactly("X");
        assertThat(SkillExpression.parse("\"group\" > 3").skills()).containsExactly("group");
        assertThat(SkillExpression.parse("\"group\" > 3").groups()).isEmpty();
    }

    @Test
    void orAndNotCombineGroupsLikeSkills() {
        SkillExpression expression = SkillExpression.parse("(group = North or group = South) and not group = Trainees");
        assertThat(expression.matches(Map.of(), Set.of("North"))).isTrue();
        assertThat(expression.matches(Map.of(), Set.of("South", "East"))).isTrue();
        assertThat(expression.matches(Map.of(), Set.of("North", "Trainees"))).isFalse();
        assertThat(expression.matches(Map.of(), Set.of("East"))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            group = "Team North" and Sales Processing > 4 | Team North
            group = A                                     | A
            X > 1 and group = A and group = B             | A
            group = A or group = A and X > 1              | A
            group = A or group = B                        | null
            group = A or X > 1                            | null
            group != A                                    | null
            not group = A                                 | null
            X > 1                                         | null
            """)
    void theGroupRequirementIsAGroupEveryMatchingAgentIsIn(String text, String group) {
        assertThat(SkillExpression.parse(text).groupRequirement().orElse(null)).isEqualTo(group);
    }

    @Test
    void aGroupConditionAddsNothingToTheSkillRequirement() {
        assertThat(SEED.requirement()).contains(new SkillExpression.Requirement(SALES, 5));
        assertThat(SkillExpression.parse("group = A or Sales Processing > 4").requirement()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            group > 3                         | compares group with ">" at position 7; a group condition is group = "name" or group != "name" (a skill named group goes in double quotes)
            group >= North                    | compares group with ">=" at position 7
            group =                           | is incomplete: a group name is missing after "="
            group = and A > 1                 | has unexpected "and" at position 9; expected a group name
            group = ""                        | has an empty group name at position 9
            group = "North                    | has an unterminated quote at position 9
            group = North A > 1               | has unexpected ">" at position 17; expected "and", "or" or the end
            group == North                    | has unknown operator "==" at position 7
            """)
    void malformedGroupConditionsAreRejectedWithTheProblem(String text, String problem) {
        assertThatThrownBy(() -> SkillExpression.parse(text)).isInstanceOf(SkillExpression.Invalid.class)
            .hasMessageStartingWith("Skill expression \"" + text + "\" ")
            .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"group = \\\"Team North\\\" and Sales Processing > 4\"" })
    void aDmnCellNamesAGroupInEscapedQuotes(String cell) {
        assertThat(DecisionOutputCheck.feelString(cell)).isEqualTo("group = \"Team North\" and Sales Processing > 4");
        assertThat(DecisionOutputCheck.feelString("\"A > 1\" + \"B\"")).isNull();
        assertThat(DecisionOutputCheck.feelString("Sales > 1")).isNull();
    }
}

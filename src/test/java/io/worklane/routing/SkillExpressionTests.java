package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillExpressionTests {

    private static final String SALES = "Sales Processing";
    private static final String LEGACY = "Legacy System Processing";

    private static final SkillExpression PRIMARY =
            SkillExpression.parse("Sales Processing > 7 and Legacy System Processing > 1");
    private static final SkillExpression SECONDARY = SkillExpression.parse("Sales Processing > 4");
    private static final SkillExpression TERTIARY = SkillExpression.parse("Sales Processing > 0");

    static Stream<Arguments> seedAgents() {
        return Stream.of(
                Arguments.of(Map.of(SALES, 8, LEGACY, 2), true, true, true),
                Arguments.of(Map.of(SALES, 10, LEGACY, 10, "Finance-Billing", 3), true, true, true),
                Arguments.of(Map.of(SALES, 8), false, true, true),
                Arguments.of(Map.of(SALES, 8, LEGACY, 1), false, true, true),
                Arguments.of(Map.of(SALES, 7, LEGACY, 2), false, true, true),
                Arguments.of(Map.of(SALES, 5, LEGACY, 9), false, true, true),
                Arguments.of(Map.of(SALES, 4, LEGACY, 9), false, false, true),
                Arguments.of(Map.of(SALES, 3), false, false, true),
                Arguments.of(Map.of(SALES, 1), false, false, true),
                Arguments.of(Map.of(SALES, 0), false, false, false),
                Arguments.of(Map.of(LEGACY, 9), false, false, false),
                // Skill names are case-sensitive: a differently spelled skill is a different skill.
                Arguments.of(Map.of("sales processing", 9, "legacy system processing", 9), false, false, false),
                Arguments.of(Map.of(), false, false, false));
    }

    @ParameterizedTest
    @MethodSource("seedAgents")
    void seedTargetsSelectAgentsByProficiency(Map<String, Integer> agent, boolean primary, boolean secondary,
            boolean tertiary) {
        assertThat(PRIMARY.matches(agent)).as("primary").isEqualTo(primary);
        assertThat(SECONDARY.matches(agent)).as("secondary").isEqualTo(secondary);
        assertThat(TERTIARY.matches(agent)).as("tertiary").isEqualTo(tertiary);
    }

    @Test
    void seedTargetsHaveTheirCanonicalTextAndSkills() {
        assertThat(PRIMARY.text()).isEqualTo("Sales Processing > 7 and Legacy System Processing > 1");
        assertThat(PRIMARY.skills()).containsExactly(SALES, LEGACY);
        assertThat(SECONDARY.text()).isEqualTo("Sales Processing > 4");
        assertThat(TERTIARY.skills()).containsExactly(SALES);
    }

    @ParameterizedTest(name = "{1} {0} 5 with {2}: {3}")
    @CsvSource({
            ">,  4, false", ">,  5, false", ">,  6, true",
            ">=, 4, false", ">=, 5, true",  ">=, 6, true",
            "<,  4, true",  "<,  5, false", "<,  6, false",
            "<=, 4, true",  "<=, 5, true",  "<=, 6, false",
            "=,  4, false", "=,  5, true",  "=,  6, false",
            "!=, 4, true",  "!=, 5, false", "!=, 6, true" })
    void everyOperatorComparesAroundItsBoundary(String operator, int held, boolean expected) {
        SkillExpression expression = SkillExpression.parse("Finance-Billing " + operator + " 5");

        assertThat(expression.matches(Map.of("Finance-Billing", held))).isEqualTo(expected);
        assertThat(expression.text()).isEqualTo("Finance-Billing " + operator + " 5");
    }

    @ParameterizedTest
    @CsvSource({
            "X >= 0,  0, true", "X >= 0, 10, true", "X <= 10, 10, true", "X <= 10, 0, true",
            "X > 10, 10, false", "X < 0, 0, false", "X = 10, 10, true", "X = 0, 0, true", "X > 9, 10, true" })
    void theEndsOfTheProficiencyRangeAreUsable(String text, int held, boolean expected) {
        assertThat(SkillExpression.parse(text).matches(Map.of("X", held))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "X > 0, false", "X >= 0, true", "X < 3, true", "X <= 0, true", "X = 0, true", "X != 0, false",
            "X >= 1, false", "not X > 0, true" })
    void aMissingSkillCountsAsProficiencyZero(String text, boolean expected) {
        SkillExpression expression = SkillExpression.parse(text);
        Map<String, Integer> unknownProficiency = new HashMap<>();
        unknownProficiency.put("X", null);

        assertThat(expression.matches(Map.of("Y", 7))).isEqualTo(expected);
        assertThat(expression.matches(Map.of())).isEqualTo(expected);
        assertThat(expression.matches(unknownProficiency)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "A={0} B={1} C={2}")
    @CsvSource({ "0,0,0", "0,0,2", "0,2,0", "0,2,2", "2,0,0", "2,0,2", "2,2,0", "2,2,2" })
    void andBindsTighterThanOr(int a, int b, int c) {
        Map<String, Integer> agent = Map.of("A", a, "B", b, "C", c);
        boolean hasA = a > 1;
        boolean hasB = b > 1;
        boolean hasC = c > 1;

        assertThat(SkillExpression.parse("A > 1 or B > 1 and C > 1").matches(agent)).isEqualTo(hasA || hasB && hasC);
        assertThat(SkillExpression.parse("A > 1 and B > 1 or C > 1").matches(agent)).isEqualTo(hasA && hasB || hasC);
        assertThat(SkillExpression.parse("(A > 1 or B > 1) and C > 1").matches(agent))
                .isEqualTo((hasA || hasB) && hasC);
        assertThat(SkillExpression.parse("A > 1 and (B > 1 or C > 1)").matches(agent))
                .isEqualTo(hasA && (hasB || hasC));
        assertThat(SkillExpression.parse("not A > 1 and B > 1").matches(agent)).isEqualTo(!hasA && hasB);
        assertThat(SkillExpression.parse("not A > 1 or B > 1").matches(agent)).isEqualTo(!hasA || hasB);
        assertThat(SkillExpression.parse("not (A > 1 or B > 1)").matches(agent)).isEqualTo(!(hasA || hasB));
        assertThat(SkillExpression.parse("not (A > 1 and B > 1) and C > 1").matches(agent))
                .isEqualTo(!(hasA && hasB) && hasC);
        assertThat(SkillExpression.parse("not not A > 1").matches(agent)).isEqualTo(hasA);
    }

    @Test
    void precedenceIsVisibleInEquality() {
        SkillExpression mixed = SkillExpression.parse("A > 1 or B > 1 and C > 1");

        assertThat(mixed).isEqualTo(SkillExpression.parse("A > 1 or (B > 1 and C > 1)"));
        assertThat(mixed).isNotEqualTo(SkillExpression.parse("(A > 1 or B > 1) and C > 1"));
        assertThat(SkillExpression.parse("(A > 1 or B > 1) and C > 1").text())
                .isEqualTo("(A > 1 or B > 1) and C > 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ((A > 1))                              | A > 1
            (A > 1 and B > 1) or C > 1             | A > 1 and B > 1 or C > 1
            A > 1 and (B > 1 and C > 1)            | A > 1 and B > 1 and C > 1
            (A > 1 or B > 1) or (C > 1 or D > 1)   | A > 1 or B > 1 or C > 1 or D > 1
            (A > 1 or B > 1) and C > 1             | (A > 1 or B > 1) and C > 1
            not (A > 1)                            | not A > 1
            not (A > 1 and B > 1)                  | not (A > 1 and B > 1)
            not ((not (A > 1)))                    | not not A > 1
            ( ( A>1 ) and(B>1) )or(C>1)            | A > 1 and B > 1 or C > 1
            """)
    void parenthesesAppearInTheCanonicalTextOnlyWhereNeeded(String written, String canonical) {
        assertThat(SkillExpression.parse(written).text()).isEqualTo(canonical);
        assertThat(SkillExpression.parse(written)).isEqualTo(SkillExpression.parse(canonical));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "Sales > Processing" >= 3       | Sales > Processing       | 3 | "Sales > Processing" >= 3
            "Sales (EU)" > 2                | Sales (EU)               | 3 | "Sales (EU)" > 2
            "and" > 3                       | and                      | 4 | "and" > 3
            "Research and Development" > 2  | Research and Development | 3 | "Research and Development" > 2
            "Sales Processing" > 7          | Sales Processing         | 8 | Sales Processing > 7
            "  Sales   Processing  " > 7    | Sales Processing         | 8 | Sales Processing > 7
            "Cost: 100% (net)" = 4          | Cost: 100% (net)         | 4 | "Cost: 100% (net)" = 4
            """)
    void quotedSkillNamesMayContainAnythingButAQuote(String written, String skill, int matchingProficiency,
            String canonical) {
        SkillExpression expression = SkillExpression.parse(written);

        assertThat(expression.skills()).containsExactly(skill);
        assertThat(expression.text()).isEqualTo(canonical);
        assertThat(expression.matches(Map.of(skill, matchingProficiency))).isTrue();
        assertThat(expression.matches(Map.of())).isFalse();
        assertThat(SkillExpression.parse(canonical)).isEqualTo(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = { "A > 1 AND B > 1 OR NOT C > 1", "A > 1 And B > 1 Or Not C > 1",
            "A > 1 aNd B > 1 oR nOt C > 1", "A > 1 and B > 1 or not C > 1" })
    void keywordsAreCaseInsensitiveAndCanonicallyLowercase(String written) {
        SkillExpression expression = SkillExpression.parse(written);

        assertThat(expression.text()).isEqualTo("A > 1 and B > 1 or not C > 1");
        assertThat(expression.matches(Map.of("A", 2, "B", 2, "C", 5))).isTrue();
        assertThat(expression.matches(Map.of("C", 5))).isFalse();
        assertThat(expression.matches(Map.of())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Sales Processing > 7 and Legacy System Processing > 1",
            "  Sales   Processing>7   and Legacy System Processing >1  ",
            "Sales\tProcessing >\n7 and\r\nLegacy System Processing > 01",
            "Sales\u00A0Processing > 7 and Legacy\u2003System Processing > 1",
            "(Sales Processing > 7) AND (Legacy System Processing > 1)",
            "\"Sales Processing\" > 7 and \" Legacy System  Processing\" > 1" })
    void spacingQuotesAndKeywordCaseDoNotChangeTheCanonicalText(String written) {
        SkillExpression expression = SkillExpression.parse(written);

        assertThat(expression.text()).isEqualTo(PRIMARY.text());
        assertThat(expression.toString()).isEqualTo(PRIMARY.text());
        assertThat(expression).isEqualTo(PRIMARY).hasSameHashCodeAs(PRIMARY);
        assertThat(expression.skills()).containsExactly(SALES, LEGACY);
    }

    @Test
    void skillNamesAreCaseSensitive() {
        SkillExpression lowercase = SkillExpression.parse("sales processing > 7");

        assertThat(lowercase).isNotEqualTo(SkillExpression.parse("Sales Processing > 7"));
        assertThat(lowercase.skills()).containsExactly("sales processing");
        assertThat(lowercase.matches(Map.of(SALES, 9))).isFalse();
        assertThat(lowercase.matches(Map.of("sales processing", 9))).isTrue();
    }

    @Test
    void differentExpressionsAreNotEqual() {
        assertThat(SECONDARY).isNotEqualTo(TERTIARY).isNotEqualTo(null).isNotEqualTo(SECONDARY.text());
        assertThat(SkillExpression.parse("A > 1")).isNotEqualTo(SkillExpression.parse("A >= 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Finance-Billing > 2", "Tier_1/Support & Ops.EU > 3", "3D Modelling > 1",
            "Übersetzung Deutsch-Français > 4", "Notary > 1", "Order Entry > 1", "Android > 1", "Orders > 1" })
    void skillNamesAreWordsOfLettersDigitsAndSomePunctuation(String written) {
        SkillExpression expression = SkillExpression.parse(written);
        String skill = written.substring(0, written.indexOf(" >"));

        assertThat(expression.skills()).containsExactly(skill);
        assertThat(expression.text()).isEqualTo(written);
        assertThat(expression.matches(Map.of(skill, 5))).isTrue();
    }

    @Test
    void skillsAreListedOnceInOrderOfFirstMention() {
        SkillExpression expression = SkillExpression.parse("C > 1 or (A > 2 and not C > 5) or B = 3 or A < 9");

        assertThat(expression.skills()).containsExactly("C", "A", "B");
        assertThatThrownBy(() -> expression.skills().add("D")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "A > 1", "not A > 1", "A > 1 or B > 1 and not (C > 1 or D = 0)",
            "(A > 1 or B > 1) and (C > 1 or D > 1)", "\"or\" > 1 and \"x (y)\" != 2", "not (not (A > 1 and B < 2))" })
    void theCanonicalTextParsesToTheSameExpression(String written) {
        SkillExpression expression = SkillExpression.parse(written);
        SkillExpression reparsed = SkillExpression.parse(expression.text());

        assertThat(reparsed).isEqualTo(expression);
        assertThat(reparsed.text()).isEqualTo(expression.text());
        assertThat(reparsed.skills()).isEqualTo(expression.skills());
    }

    @Test
    void anAgentIsNeverNull() {
        assertThatThrownBy(() -> PRIMARY.matches(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("proficiencies");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "\t\n", "\u00A0" })
    void aMissingExpressionIsRejectedAsEmpty(String text) {
        assertThatThrownBy(() -> SkillExpression.parse(text)).isInstanceOf(SkillExpression.Invalid.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Skill expression \"")
                .hasMessageEndingWith("\" is empty");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Sales Processing >             | is incomplete: a proficiency 0..10 is missing after ">"
            Sales Processing 7             | operator (>, >=, <, <=, =, !=) is missing after "Sales Processing 7"
            Sales Processing               | is incomplete: a comparison operator
            Sales Processing => 7          | has unknown operator "=>" at position 18; use >, >=, <, <=, =, !=
            Sales Processing == 7          | has unknown operator "==" at position 18
            Sales Processing <> 7          | has unknown operator "<>" at position 18
            Sales Processing ! 7           | has unknown operator "!" at position 18
            Sales Processing > 11          | is invalid: proficiency 11 is outside 0..10 (position 20)
            Sales Processing > -1          | proficiency -1 is outside 0..10 (position 20)
            Sales Processing >-1           | proficiency -1 is outside 0..10 (position 19)
            Sales Processing > 99999999999999999999 | proficiency 99999999999999999999 is outside 0..10
            Sales Processing > 7.5         | is invalid: proficiency "7.5" is not a whole number 0..10 (position 20)
            Sales Processing > seven       | proficiency "seven" is not a whole number 0..10 (position 20)
            Sales Processing > 7and B > 1  | proficiency "7and" is not a whole number 0..10 (position 20)
            Sales Processing > "7"         | has unexpected ""7"" at position 20; expected a proficiency 0..10
            Sales Processing > > 7         | has unexpected ">" at position 20; expected a proficiency 0..10
            (Sales Processing > 7          | is incomplete: ")" is missing for "(" at position 1
            ((A > 1) or (B > 1)            | is incomplete: ")" is missing for "(" at position 1
            Sales Processing > 7)          | has unexpected ")" at position 21 without a matching "("
            (A > 1)) or B > 1              | has unexpected ")" at position 8 without a matching "("
            ()                             | has unexpected ")" at position 2; expected a skill name
            (A > 1 B > 1)                  | has unexpected "B" at position 8; expected "and", "or" or ")"
            Sales Processing > 7 and       | is incomplete: a skill name is missing after "and"
            Sales Processing > 7 or        | is incomplete: a skill name is missing after "or"
            not                            | is incomplete: a skill name is missing after "not"
            and Sales Processing > 7       | has unexpected "and" at position 1; expected a skill name
            A > 1 and or B > 1             | has unexpected "or" at position 11; expected a skill name
            A > 1 B > 1                    | has unexpected "B" at position 7; expected "and", "or" or the end
            and > 3                        | uses keyword "and" as a skill name at position 1; write a skill of
            A > 1 or OR >= 2               | uses keyword "OR" as a skill name at position 10
            Not = 1                        | uses keyword "Not" as a skill name at position 1
            Sales and Marketing > 3        | has unexpected "and" at position 7; expected a comparison operator
            > 3                            | has unexpected ">" at position 1; expected a skill name
            "Sales > 3                     | has an unterminated quote at position 1
            A > 1 or "B > 1                | has an unterminated quote at position 10
            "" > 3                         | has an empty skill name at position 1
            "   " > 3                      | has an empty skill name at position 1
            Sales # 3                      | has unexpected character "#" at position 7
            Sales > 3; drop table agent    | has unexpected character ";" at position 10
            Sales > 3 && Legacy > 1        | has unexpected "&&" at position 11; expected "and", "or" or the end
            """)
    void malformedExpressionsAreRejectedWithTheExpressionAndTheProblem(String text, String problem) {
        assertThatThrownBy(() -> SkillExpression.parse(text)).isInstanceOf(SkillExpression.Invalid.class)
                .hasMessageStartingWith("Skill expression \"" + text + "\" ")
                .hasMessageContaining(problem);
    }

    @Test
    void anExpressionOfAtMostAThousandCharactersIsAccepted() {
        String padded = "Sales Processing > 7" + " ".repeat(SkillExpression.MAX_LENGTH - 20);

        assertThat(padded).hasSize(1000);
        assertThat(SkillExpression.parse(padded).text()).isEqualTo("Sales Processing > 7");
    }

    @Test
    void aLongerExpressionIsRejectedWithItsBeginning() {
        String tooLong = "Sales Processing > 7" + " or Sales Processing > 7".repeat(50);

        assertThat(tooLong).hasSizeGreaterThan(1000);
        assertThatThrownBy(() -> SkillExpression.parse(tooLong)).isInstanceOf(SkillExpression.Invalid.class)
                .hasMessageStartingWith("Skill expression \"" + tooLong.substring(0, 60) + "...\"")
                .hasMessageContaining("is too long: " + tooLong.length() + " characters, at most 1000 allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "(", "not " })
    void fiftyLevelsOfNestingAreAccepted(String level) {
        String nested = level.repeat(50) + "A > 1" + ")".repeat(closingParentheses(level) * 50);

        assertThat(SkillExpression.parse(nested).skills()).containsExactly("A");
        assertThat(SkillExpression.parse(nested).matches(Map.of("A", 2))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "(", "not ", "(not ", "not (" })
    void deeperNestingIsRejected(String level) {
        String nested = level.repeat(51) + "A > 1" + ")".repeat(closingParentheses(level) * 51);

        assertThatThrownBy(() -> SkillExpression.parse(nested)).isInstanceOf(SkillExpression.Invalid.class)
                .hasMessageStartingWith("Skill expression \"" + nested + "\" ")
                .hasMessageContaining("is nested deeper than 50 levels at position ");
    }

    @Test
    void nestingDepthCountsParenthesesAndNotTogether() {
        String fifty = "not (".repeat(25) + "A > 1" + ")".repeat(25);
        String fiftyOne = "(" + fifty + ")";

        // 25 negations: an odd number, so the agent with the skill is the one that does not match.
        assertThat(SkillExpression.parse(fifty).matches(Map.of("A", 2))).isFalse();
        assertThat(SkillExpression.parse(fifty).matches(Map.of())).isTrue();
        assertThatThrownBy(() -> SkillExpression.parse(fiftyOne)).isInstanceOf(SkillExpression.Invalid.class)
                .hasMessageContaining("is nested deeper than 50 levels at position 126");
    }

    @Test
    void longFlatExpressionsAreNotNesting() {
        String manyAlternatives = "A > 1" + " or A > 1".repeat(100);

        assertThat(SkillExpression.parse(manyAlternatives).matches(Map.of("A", 2))).isTrue();
        assertThat(SkillExpression.parse(manyAlternatives).skills()).containsExactly("A");
    }

    private static int closingParentheses(String level) {
        return level.contains("(") ? 1 : 0;
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(nullValues = "null", value = {
            "Sales Processing > 7 and Legacy System Processing > 1, Sales Processing, 8",
            "Sales Processing > 0, Sales Processing, 1",
            "Sales Processing >= 3, Sales Processing, 3",
            "Sales Processing = 5, Sales Processing, 5",
            "Sales Processing > 4 or Sales Processing = 2, Sales Processing, 2",
            "Sales Processing > 4 or Finance Processing > 4, null, null",
            "Sales Processing < 3, null, null",
            "Sales Processing >= 0, null, null",
            "not Sales Processing > 3, null, null" })
    void theRequirementIsAConditionEveryMatchingAgentMeets(String text, String skill, Integer min) {
        var requirement = SkillExpression.parse(text).requirement();

        assertThat(requirement.map(SkillExpression.Requirement::skill).orElse(null)).isEqualTo(skill);
        assertThat(requirement.map(SkillExpression.Requirement::minProficiency).orElse(null)).isEqualTo(min);
    }

    @Test
    void everyAgentTheExpressionMatchesMeetsItsRequirement() {
        SkillExpression expression = SkillExpression.parse("(A > 6 and B > 1) or (A >= 4 and C = 3)");
        var requirement = expression.requirement().orElseThrow();
        for (int a = 0; a <= 10; a++) {
            for (int b = 0; b <= 10; b++) {
                for (int c = 0; c <= 10; c++) {
                    if (expression.matches(Map.of("A", a, "B", b, "C", c))) {
                        assertThat(a).isGreaterThanOrEqualTo(requirement.minProficiency());
                    }
                }
            }
        }
        assertThat(requirement).isEqualTo(new SkillExpression.Requirement("A", 4));
    }
}

package io.worklane.routing;

import static java.util.stream.Collectors.joining;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which agents may take an item: a condition over their proficiencies (0..10) and their routing groups, written by
 * a process owner in a DMN cell, e.g. {@code Sales Processing > 7 and Legacy System Processing > 1} or
 * {@code group = "Team North" and Sales Processing > 4}. It is parsed once into a small tree and evaluated in
 * memory, so the owner's text never reaches SQL. An agent without a skill has proficiency 0 for it. Keywords
 * {@code and}, {@code or}, {@code not} and {@code group} are case-insensitive and bind as not, then and, then or;
 * skill and group names are case-sensitive and go in double quotes when they contain an operator, a keyword or a
 * parenthesis ({@code group} is a keyword only where a group condition can start: before {@code =} or {@code !=};
 * a skill of that name is written {@code "group"}).
 * <pre>
 * expression := all ("or" all)*            all := unary ("and" unary)*
 * unary      := "not" unary | "(" expression ")" | "group" ("=" | "!=") name
 *             | skill (">" | ">=" | "<" | "<=" | "=" | "!=") 0..10
 * </pre>
 * Immutable and thread-safe; equal when the canonical {@link #text()} is equal.
 */
public final class SkillExpression {

    /** Real routing rules are short; the limits keep a typo or a hostile cell from costing time or stack. */
    static final int MAX_LENGTH = 1000;
    static final int MAX_DEPTH = 50;

    private final Node root;
    private final String text;
    private final Set<String> skills;
    private final Set<String> groups;

    private SkillExpression(Node root, Set<String> skills, Set<String> groups) {
        this.root = root;
        this.text = root.text();
        this.skills = Collections.unmodifiableSet(skills);
        this.groups = Collections.unmodifiableSet(groups);
    }

    /** @throws Invalid naming the expression, what is wrong and, where it helps, the 1-based position */
    public static SkillExpression parse(String text) {
        if (text == null || text.isEmpty() || SkillExpressionParser.SPACES.matcher(text).matches()) {
            throw new Invalid(text == null ? "" : text, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            // Echoing a huge input whole would flood logs and problem responses; its beginning identifies it.
            throw new Invalid(text.substring(0, 60) + "...",
                    "is too long: " + text.length() + " characters, at most " + MAX_LENGTH + " allowed");
        }
        SkillExpressionParser parser = new SkillExpressionParser(text);
        return new SkillExpression(parser.expression(), parser.skills(), parser.groups());
    }

    /** Whether an agent with these proficiencies and in no group qualifies; skills missing count as 0. */
    public boolean matches(Map<String, Integer> proficiencies) {
        return matches(proficiencies, Set.of());
    }

    /** Whether an agent with these proficiencies, in these routing groups, qualifies; skills missing count as 0. */
    public boolean matches(Map<String, Integer> proficiencies, Set<String> groups) {
        return root.matches(Objects.requireNonNull(proficiencies, "proficiencies"), Objects.requireNonNull(groups, "groups"));
    }

    /** The skill names mentioned, in order of first mention. */
    public Set<String> skills() {
        return skills;
    }

    /** The group names mentioned, in order of first mention. */
    public Set<String> groups() {
        return groups;
    }

    /** Canonical text: single spaces, lowercase keywords, parentheses only where precedence needs them. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkillExpression expression && text.equals(expression.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * A condition every agent matching this expression meets, for the router's SQL to narrow by: the agent has
     * {@code skill} at {@code minProficiency} or more (at least 1, so the skill must be on the agent's profile).
     */
    public record Requirement(String skill, int minProficiency) {
    }

    /** @return a necessary condition, or empty when the expression has none (e.g. "X < 3" matches agents without X) */
    public Optional<Requirement> requirement() {
        return requirementOf(root);
    }

    /**
     * A routing group every agent matching this expression is in, for the router's SQL to narrow by as well.
     * @return the group, or empty when the expression requires none (e.g. "group = A or X > 3")
     */
    public Optional<String> groupRequirement() {
        return groupOf(root);
    }

    private static Optional<String> groupOf(Node node) {
        if (node instanceof Membership membership) {
            return membership.member() ? Optional.of(membership.group()) : Optional.empty();
        }
        if (node instanceof Junction junction && junction.all()) {
            return junction.operands().stream().map(SkillExpression::groupOf).flatMap(Optional::stream).findFirst();
        }
        if (node instanceof Junction junction) {
            List<Optional<String>> alternatives = junction.operands().stream().map(SkillExpression::groupOf).toList();
            return alternatives.stream().anyMatch(Optional::isEmpty) || alternatives.stream().distinct().count() != 1
                    ? Optional.empty() : alternatives.get(0);
        }
        return Optional.empty();
    }

    private static Optional<Requirement> requirementOf(Node node) {
        if (node instanceof Comparison comparison) {
            int min = switch (comparison.operator()) {
                case ">" -> comparison.proficiency() + 1;
                case ">=", "=" -> comparison.proficiency();
                default -> 0;
            };
            return min >= 1 ? Optional.of(new Requirement(comparison.skill(), min)) : Optional.empty();
        }
        if (node instanceof Junction junction && junction.all()) {
            // any operand's condition holds for all matching agents: take the most selective
            return junction.operands().stream().map(SkillExpression::requirementOf).flatMap(Optional::stream)
                .max(Comparator.comparingInt(Requirement::minProficiency));
        }
        if (node instanceof Junction junction) {
            // every alternative must require the same skill; the weakest of them then holds for all
            List<Optional<Requirement>> alternatives =
                    junction.operands().stream().map(SkillExpression::requirementOf).toList();
            if (alternatives.stream().anyMatch(Optional::isEmpty)
                    || alternatives.stream().map(alternative -> alternative.get().skill()).distinct().count() != 1) {
                return Optional.empty();
            }
            return alternatives.stream().map(Optional::get).min(Comparator.comparingInt(Requirement::minProficiency));
        }
        return Optional.empty();
    }

    /** A skill expression that cannot be read; the message says why and where. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Invalid(String expression, String problem) {
            super("Skill expression \"" + expression + "\" " + problem);
        }
    }

    /** Precedence, higher binding tighter, decides where the canonical text needs parentheses. */
    sealed interface Node {
        int ANY_OF = 1, ALL_OF = 2, NOT = 3, COMPARISON = 4;

        boolean matches(Map<String, Integer> proficiencies, Set<String> groups);

        String text();

        int precedence();

        default String textInside(int surrounding) {
            return precedence() < surrounding ? "(" + text() + ")" : text();
        }
    }

    record Comparison(String skill, String operator, int proficiency) implements Node {
        public boolean matches(Map<String, Integer> proficiencies, Set<String> groups) {
            int held = Objects.requireNonNullElse(proficiencies.get(skill), 0);
            return switch (operator) {
                case ">" -> held > proficiency;
                case ">=" -> held >= proficiency;
                case "<" -> held < proficiency;
                case "<=" -> held <= proficiency;
                case "=" -> held == proficiency;
                case "!=" -> held != proficiency;
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        /**
         * Quotes only names that would not read back unquoted, so that the canonical text parses to itself (a skill
         * named "group" always: before "=" it would read as a group condition).
         */
        public String text() {
            String name = SkillExpressionParser.readsBackUnquoted(skill) && !SkillExpressionParser.isGroupKeyword(skill)
                    ? skill : "\"" + skill + "\"";
            return name + " " + operator + " " + proficiency;
        }

        public int precedence() { return COMPARISON; }
    }

    /** The agent is ({@code member}) or is not in the routing group; group names are case-sensitive. */
    record Membership(String group, boolean member) implements Node {
        public boolean matches(Map<String, Integer> proficiencies, Set<String> groups) {
            return groups.contains(group) == member;
        }

        /** Always quoted, so that a group reads as one name whatever it contains. */
        public String text() { return "group " + (member ? "=" : "!=") + " \"" + group + "\""; }

        public int precedence() { return COMPARISON; }
    }

    record Not(Node operand) implements Node {
        public boolean matches(Map<String, Integer> proficiencies, Set<String> groups) {
            return !operand.matches(proficiencies, groups);
        }
        public String text() { return "not " + operand.textInside(NOT); }
        public int precedence() { return NOT; }
    }

    /**
     * All operands ("and") or any ("or"). Both are associative, so a nested junction of the same kind is printed
     * without parentheses: "a and (b and c)" reads, and equals, "a and b and c".
     */
    record Junction(boolean all, List<Node> operands) implements Node {
        public boolean matches(Map<String, Integer> proficiencies, Set<String> groups) {
            return all ? operands.stream().allMatch(operand -> operand.matches(proficiencies, groups))
                    : operands.stream().anyMatch(operand -> operand.matches(proficiencies, groups));
        }

        public String text() {
            return operands.stream().map(operand -> operand.textInside(precedence()))
                    .collect(joining(all ? " and " : " or "));
        }

        public int precedence() { return all ? ALL_OF : ANY_OF; }
    }
}

package io.worklane.routing;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which agents may take an item: a condition over their proficiencies (0..10), written by a process owner in a
 * DMN cell, e.g. {@code Sales Processing > 7 and Legacy System Processing > 1}. It is parsed once into a small
 * tree and evaluated in memory, so the owner's text never reaches SQL. An agent without a skill has proficiency 0
 * for it. Keywords {@code and}, {@code or}, {@code not} are case-insensitive and bind as not, then and, then or;
 * skill names are case-sensitive and go in double quotes when they contain an operator, a keyword or a parenthesis.
 * <pre>
 * expression := all ("or" all)*            all := unary ("and" unary)*
 * unary      := "not" unary | "(" expression ")" | skill (">" | ">=" | "<" | "<=" | "=" | "!=") 0..10
 * </pre>
 * Immutable and thread-safe; equal when the canonical {@link #text()} is equal.
 */
public final class SkillExpression {

    /** Real routing rules are short; the limits keep a typo or a hostile cell from costing time or stack. */
    static final int MAX_LENGTH = 1000;
    static final int MAX_DEPTH = 50;

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");
    private static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "=", "!=");
    private static final Pattern WORD = Pattern.compile("[\\p{javaLetterOrDigit}\\-_./&]+");
    private static final Pattern SPACES = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final Pattern TOKEN = Pattern.compile(SPACES + "|(?<quoted>\"[^\"]*\")|(?<unterminated>\")"
            + "|(?<operator>[<>=!]+)|" + WORD + "|[()]|(?<other>.)", Pattern.DOTALL);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern PROFICIENCY = Pattern.compile("0*(10|[0-9])");

    private final Node root;
    private final String text;
    private final Set<String> skills;

    private SkillExpression(Node root, Set<String> skills) {
        this.root = root;
        this.text = root.text();
        this.skills = Collections.unmodifiableSet(skills);
    }

    /** @throws Invalid naming the expression, what is wrong and, where it helps, the 1-based position */
    public static SkillExpression parse(String text) {
        if (text == null || text.isEmpty() || SPACES.matcher(text).matches()) {
            throw new Invalid(text == null ? "" : text, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            // Echoing a huge input whole would flood logs and problem responses; its beginning identifies it.
            throw new Invalid(text.substring(0, 60) + "...",
                    "is too long: " + text.length() + " characters, at most " + MAX_LENGTH + " allowed");
        }
        Parser parser = new Parser(text);
        return new SkillExpression(parser.expression(), parser.skills);
    }

    /** Whether an agent with these proficiencies qualifies; skills missing from the map count as 0. */
    public boolean matches(Map<String, Integer> proficiencies) {
        return root.matches(Objects.requireNonNull(proficiencies, "proficiencies"));
    }

    /** The skill names mentioned, in order of first mention. */
    public Set<String> skills() {
        return skills;
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
                .max(java.util.Comparator.comparingInt(Requirement::minProficiency));
        }
        if (node instanceof Junction junction) {
            // every alternative must require the same skill; the weakest of them then holds for all
            List<Optional<Requirement>> alternatives = junction.operands().stream().map(SkillExpression::requirementOf).toList();
            if (alternatives.stream().anyMatch(Optional::isEmpty)
                    || alternatives.stream().map(alternative -> alternative.get().skill()).distinct().count() != 1) {
                return Optional.empty();
            }
            return alternatives.stream().map(Optional::get).min(java.util.Comparator.comparingInt(Requirement::minProficiency));
        }
        return Optional.empty();
    }

    /** A skill expression that cannot be read; the message says why and where. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private Invalid(String expression, String problem) {
            super("Skill expression \"" + expression + "\" " + problem);
        }
    }

    private static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Precedence, higher binding tighter, decides where the canonical text needs parentheses. */
    private sealed interface Node {
        int ANY_OF = 1, ALL_OF = 2, NOT = 3, COMPARISON = 4;

        boolean matches(Map<String, Integer> proficiencies);

        String text();

        int precedence();

        default String textInside(int surrounding) {
            return precedence() < surrounding ? "(" + text() + ")" : text();
        }
    }

    private record Comparison(String skill, String operator, int proficiency) implements Node {
        public boolean matches(Map<String, Integer> proficiencies) {
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

        /** Quotes only names that would not read back unquoted, so that the canonical text parses to itself. */
        public String text() {
            boolean plain = SPACES.splitAsStream(skill)
                    .allMatch(word -> WORD.matcher(word).matches() && !isKeyword(word));
            return (plain ? skill : "\"" + skill + "\"") + " " + operator + " " + proficiency;
        }

        public int precedence() { return COMPARISON; }
    }

    private record Not(Node operand) implements Node {
        public boolean matches(Map<String, Integer> proficiencies) { return !operand.matches(proficiencies); }
        public String text() { return "not " + operand.textInside(NOT); }
        public int precedence() { return NOT; }
    }

    /**
     * All operands ("and") or any ("or"). Both are associative, so a nested junction of the same kind is printed
     * without parentheses: "a and (b and c)" reads, and equals, "a and b and c".
     */
    private record Junction(boolean all, List<Node> operands) implements Node {
        public boolean matches(Map<String, Integer> proficiencies) {
            return all ? operands.stream().allMatch(operand -> operand.matches(proficiencies))
                    : operands.stream().anyMatch(operand -> operand.matches(proficiencies));
        }

        public String text() {
            return operands.stream().map(operand -> operand.textInside(precedence()))
                    .collect(joining(all ? " and " : " or "));
        }

        public int precedence() { return all ? ALL_OF : ANY_OF; }
    }

    /** As written, quotes included; 1-based position; the empty text marks the end. */
    private record Token(String text, int position) {
        boolean isEnd() { return text.isEmpty(); }
        boolean isWord() { return WORD.matcher(text).matches(); }
        boolean isOperator() { return OPERATORS.contains(text); }
        boolean isAnyKeyword() { return SkillExpression.isKeyword(text); }
        /** Keywords are case-insensitive; a quoted name never equals one, its quotes being part of the text. */
        boolean is(String keywordOrParenthesis) { return text.equalsIgnoreCase(keywordOrParenthesis); }
    }

    /** Recursive descent over the grammar in the class comment; one instance per parse, never shared. */
    private static final class Parser {
        private final String source;
        private final List<Token> tokens = new ArrayList<>();
        private final Set<String> skills = new LinkedHashSet<>();
        private int next;
        private int depth;

        Parser(String source) {
            this.source = source;
            for (Matcher token = TOKEN.matcher(source); token.find();) {
                int position = token.start() + 1;
                if (token.group("unterminated") != null) {
                    throw invalid("has an unterminated quote at position " + position);
                }
                if (token.group("other") != null) {
                    throw invalid("has unexpected character \"" + token.group() + "\" at position " + position);
                }
                if (token.group("operator") != null && !OPERATORS.contains(token.group())) {
                    throw invalid("has unknown operator \"" + token.group() + "\" at position " + position + "; use "
                            + String.join(", ", OPERATORS));
                }
                if (!SPACES.matcher(token.group()).matches()) {
                    tokens.add(new Token(token.group(), position));
                }
            }
            tokens.add(new Token("", source.length() + 1));
        }

        Node expression() {
            Node root = junction(false);
            if (peek().is(")")) {
                throw invalid("has unexpected \")\" at position " + peek().position() + " without a matching \"(\"");
            }
            if (!peek().isEnd()) {
                throw unexpected(peek(), "\"and\", \"or\" or the end", null);
            }
            return root;
        }

        private Node junction(boolean all) {
            List<Node> operands = new ArrayList<>();
            while (true) {
                operands.add(all ? unary() : junction(true));
                if (!peek().is(all ? "and" : "or")) {
                    return operands.size() == 1 ? operands.get(0) : new Junction(all, List.copyOf(operands));
                }
                take();
            }
        }

        private Node unary() {
            Token token = peek();
            // "not > 3" misuses the keyword as a skill name; skillName() says so.
            if (token.is("not") && !tokens.get(next + 1).isOperator()) {
                enter(take());
                Node operand = unary();
                depth--;
                return new Not(operand);
            }
            if (!token.is("(")) {
                return comparison();
            }
            enter(take());
            Node inner = junction(false);
            Token close = take();
            if (close.isEnd()) {
                throw invalid("is incomplete: \")\" is missing for \"(\" at position " + token.position());
            }
            if (!close.is(")")) {
                throw unexpected(close, "\"and\", \"or\" or \")\"", null);
            }
            depth--;
            return inner;
        }

        private Node comparison() {
            String skill = skillName();
            Token operator = take();
            if (!operator.isOperator()) {
                throw unexpected(operator, "a comparison operator (" + String.join(", ", OPERATORS) + ")", skill);
            }
            Token proficiency = take();
            if (!proficiency.isWord()) {
                throw unexpected(proficiency, "a proficiency 0..10", operator.text());
            }
            skills.add(skill);
            return new Comparison(skill, operator.text(), proficiency(proficiency));
        }

        private String skillName() {
            Token first = peek();
            if (first.text().startsWith("\"")) {
                String name = SPACES.matcher(first.text().substring(1, first.text().length() - 1)).replaceAll(" ");
                if (name.isBlank()) {
                    throw invalid("has an empty skill name at position " + first.position());
                }
                take();
                return name.strip();
            }
            if (first.isAnyKeyword() && tokens.get(next + 1).isOperator()) {
                throw invalid("uses keyword \"" + first.text() + "\" as a skill name at position " + first.position()
                        + "; write a skill of that name in double quotes");
            }
            List<String> words = new ArrayList<>();
            while (peek().isWord() && !peek().isAnyKeyword()) {
                words.add(take().text());
            }
            if (words.isEmpty()) {
                throw unexpected(peek(), "a skill name", next == 0 ? null : tokens.get(next - 1).text());
            }
            return String.join(" ", words);
        }

        private int proficiency(Token token) {
            if (!WHOLE_NUMBER.matcher(token.text()).matches()) {
                throw invalid("is invalid: proficiency \"" + token.text() + "\" is not a whole number 0..10 (position "
                        + token.position() + ")");
            }
            if (!PROFICIENCY.matcher(token.text()).matches()) {
                throw invalid("is invalid: proficiency " + token.text() + " is outside 0..10 (position "
                        + token.position() + ")");
            }
            return Integer.parseInt(token.text());
        }

        private void enter(Token opening) {
            if (++depth > MAX_DEPTH) {
                throw invalid("is nested deeper than " + MAX_DEPTH + " levels at position " + opening.position());
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        /** Stays on the end token, so that callers can report what they found instead. */
        private Token take() {
            Token token = peek();
            next += token.isEnd() ? 0 : 1;
            return token;
        }

        private Invalid unexpected(Token found, String expected, String after) {
            if (found.isEnd()) {
                return invalid("is incomplete: " + expected + " is missing after \"" + after + "\"");
            }
            return invalid("has unexpected \"" + found.text() + "\" at position " + found.position()
                    + "; expected " + expected);
        }

        private Invalid invalid(String problem) {
            return new Invalid(source, problem);
        }
    }
}

package io.worklane.routing;

import static io.worklane.routing.SkillExpression.MAX_DEPTH;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.worklane.routing.SkillExpression.Comparison;
import io.worklane.routing.SkillExpression.Invalid;
import io.worklane.routing.SkillExpression.Junction;
import io.worklane.routing.SkillExpression.Membership;
import io.worklane.routing.SkillExpression.Node;
import io.worklane.routing.SkillExpression.Not;

/**
 * Tokenizer and recursive descent over the grammar in the {@link SkillExpression} class comment; one instance per
 * parse, never shared.
 */
final class SkillExpressionParser {

    static final Pattern SPACES = Pattern.compile("[\\p{javaWhitespace}\\p{Z}]+");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not");
    private static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "=", "!=");
    private static final String GROUP = "group";
    private static final List<String> GROUP_OPERATORS = List.of("=", "!=");
    private static final Pattern WORD = Pattern.compile("[\\p{javaLetterOrDigit}\\-_./&]+");
    private static final Pattern TOKEN = Pattern.compile(SPACES + "|(?<quoted>\"[^\"]*\")|(?<unterminated>\")"
            + "|(?<operator>[<>=!]+)|" + WORD + "|[()]|(?<other>.)", Pattern.DOTALL);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern PROFICIENCY = Pattern.compile("0*(10|[0-9])");

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private final Set<String> skills = new LinkedHashSet<>();
    private final Set<String> groups = new LinkedHashSet<>();
    private int next;
    private int depth;

    SkillExpressionParser(String source) {
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

    /** The skill names mentioned, in order of first mention; complete once {@link #expression()} has returned. */
    Set<String> skills() {
        return skills;
    }

    /** The group names mentioned, likewise. */
    Set<String> groups() {
        return groups;
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
        if (token.is(GROUP) && tokens.get(next + 1).isOperator()) {
            return membership();
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

    /** {@code group = name} or {@code group != name}; the name quoted, or words as a skill name is. */
    private Node membership() {
        take();
        Token operator = take();
        if (!GROUP_OPERATORS.contains(operator.text())) {
            throw invalid("compares group with \"" + operator.text() + "\" at position " + operator.position()
                    + "; a group condition is group = \"name\" or group != \"name\" (a skill named group goes in "
                    + "double quotes)");
        }
        Token first = peek();
        String group;
        if (first.text().startsWith("\"")) {
            group = SPACES.matcher(first.text().substring(1, first.text().length() - 1)).replaceAll(" ").strip();
            if (group.isEmpty()) {
                throw invalid("has an empty group name at position " + first.position());
            }
            take();
        }
        else {
            List<String> words = new ArrayList<>();
            while (peek().isWord() && !peek().isAnyKeyword()) {
                words.add(take().text());
            }
            if (words.isEmpty()) {
                throw unexpected(peek(), "a group name", operator.text());
            }
            group = String.join(" ", words);
        }
        groups.add(group);
        return new Membership(group, operator.is("="));
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

    /** Whether a skill name, written without quotes, would tokenize back into the same name. */
    static boolean readsBackUnquoted(String skill) {
        return SPACES.splitAsStream(skill).allMatch(word -> WORD.matcher(word).matches() && !isKeyword(word));
    }

    private static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A skill of this name must be quoted: unquoted, before "=" or "!=", it starts a group condition. */
    static boolean isGroupKeyword(String skill) {
        return GROUP.equalsIgnoreCase(skill);
    }

    /** As written, quotes included; 1-based position; the empty text marks the end. */
    private record Token(String text, int position) {
        boolean isEnd() { return text.isEmpty(); }
        boolean isWord() { return WORD.matcher(text).matches(); }
        boolean isOperator() { return OPERATORS.contains(text); }
        boolean isAnyKeyword() { return isKeyword(text); }
        /** Keywords are case-insensitive; a quoted name never equals one, its quotes being part of the text. */
        boolean is(String keywordOrParenthesis) { return text.equalsIgnoreCase(keywordOrParenthesis); }
    }
}

package dev.amelie.planner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's operators that Calcite's parser lacks and that bind as PostgreSQL's "any other
 * operator" ("4.1.6. Operator Precedence"): the bitwise {@code &}, {@code |}, {@code #},
 * {@code <<}, {@code >>} and the prefix {@code ~}, {@code |/} (square root), {@code ||/} (cube
 * root) and {@code @} (absolute value). They become calls of functions FunctionCatalog knows
 * (bit_or_op(a, b), …) after {@link InfixCasts} has made casts and the json operators calls.
 *
 * <p>Such an operator binds more loosely than the arithmetic operators and more tightly than
 * comparisons, and operators of its class chain from the left: {@code 2 | 3 & 4} is
 * {@code (2 | 3) & 4}, {@code 1 << 2 + 1} is {@code 1 << 3}, {@code ~1 + 2} is {@code ~(1 + 2)}.
 * The left operand reaches back over arithmetic and operators of the class to the nearest
 * comparison, keyword, comma or open parenthesis; the right one forward over arithmetic only.
 * One operator is rewritten at a time, leftmost first, so that nested ones see calls.
 */
final class GenericOperators {
    private GenericOperators() {}

    private static final Map<String, String> BINARY = Map.of("&", "bit_and_op", "|", "bit_or_op", "#", "bit_xor_op",
            "<<", "shift_left_op", ">>", "shift_right_op");
    private static final Map<String, String> PREFIX = Map.of("~", "bit_not_op", "|/", "sqrt_op", "||/", "cbrt_op",
            "@", "abs_op");

    /** Arithmetic, binding more tightly than the class: part of either operand. */
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%", "^");

    /** Whether a function name is one these operators became (its column is named ?column?). */
    static boolean isOperatorFunction(String lowerCaseName) {
        return BINARY.containsValue(lowerCaseName) || PREFIX.containsValue(lowerCaseName);
    }

    /** The operator a function stands for, or null; prefix operators have no left operand. */
    static String operatorOf(String lowerCaseName) {
        for (var entry : BINARY.entrySet()) {
            if (entry.getValue().equals(lowerCaseName)) {
                return entry.getKey();
            }
        }
        for (var entry : PREFIX.entrySet()) {
            if (entry.getValue().equals(lowerCaseName)) {
                return entry.getKey();
            }
        }
        return null;
    }

    static boolean isPrefix(String operator) {
        return PREFIX.containsKey(operator);
    }

    static boolean mayContain(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            switch (sql.charAt(i)) {
                case '&', '|', '#', '<', '>', '~', '@' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** The text with the operators as calls, or null when it has none. */
    static InfixCasts.Rewritten rewrite(String sql) {
        if (!mayContain(sql)) {
            return null;
        }
        StringBuilder text = new StringBuilder(sql);
        List<Integer> offsets = new ArrayList<>(sql.length());
        for (int k = 0; k < sql.length(); k++) {
            offsets.add(k);
        }
        boolean changed = false;
        for (int round = 0; round < 10_000; round++) {
            List<Token> tokens = Tokenizer.tokenizeOrNull(text.toString());
            if (tokens == null) {
                break;
            }
            if (!rewriteFirst(text, offsets, tokens)) {
                break;
            }
            changed = true;
        }
        return changed ? new InfixCasts.Rewritten(text.toString(), offsets.stream().mapToInt(Integer::intValue).toArray()) : null;
    }

    /** Rewrites the leftmost operator that has its operands; false when there is none. */
    private static boolean rewriteFirst(StringBuilder text, List<Integer> offsets, List<Token> tokens) {
        String s = text.toString();
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.kind() != Token.Kind.SYMBOL) {
                continue;
            }
            int at = token.position() - 1;
            String operator = operatorAt(s, tokens, t);
            if (operator == null) {
                continue;
            }
            int width = operator.length(); // one token a character
            boolean operandBefore = endsOperand(tokens, t - 1);
            if (PREFIX.containsKey(operator) && !operandBefore) {
                int end = rightEnd(s, tokens, t + width);
                if (end < 0) {
                    continue;
                }
                int closeOrigin = offsets.get(end - 1);
                replace(text, offsets, at, at + operator.length(), PREFIX.get(operator) + "(", at);
                insert(text, offsets, end + PREFIX.get(operator).length() + 1 - operator.length(), ")", closeOrigin);
                return true;
            }
            if (BINARY.containsKey(operator) && operandBefore) {
                int start = leftStart(s, tokens, t);
                int end = rightEnd(s, tokens, t + width);
                if (start < 0 || end < 0) {
                    continue;
                }
                String function = BINARY.get(operator) + "(";
                // From the right, so that earlier positions stay put.
                insert(text, offsets, end, ")", offsets.get(end - 1));
                int origin = offsets.get(at); // an error about the call points at the operator, as PostgreSQL's
                replace(text, offsets, at, at + operator.length(), ", ", at);
                insert(text, offsets, start, function, origin);
                return true;
            }
        }
        return false;
    }

    /** The operator whose first character is token t, or null ({@code ||}, {@code &&}, {@code <=}, … are not). */
    private static String operatorAt(String s, List<Token> tokens, int t) {
        int at = tokens.get(t).position() - 1;
        char c = s.charAt(at);
        char next = at + 1 < s.length() ? s.charAt(at + 1) : ' ';
        char previous = at > 0 ? s.charAt(at - 1) : ' ';
        return switch (c) {
            case '|' -> s.startsWith("||/", at) ? "||/" : s.startsWith("|/", at) ? "|/" : next == '|' || previous == '|' ? null : "|";
            case '&' -> next == '&' || previous == '&' ? null : "&";
            case '#' -> next == '>' || next == '-' ? null : "#";
            case '<' -> next == '<' && previous != '<' && (at + 2 >= s.length() || s.charAt(at + 2) != '=' && s.charAt(at + 2) != '<')
                    ? "<<" : null;
            case '>' -> next == '>' && previous != '>' && previous != '-' && previous != '#'
                    && (at + 2 >= s.length() || s.charAt(at + 2) != '=' && s.charAt(at + 2) != '>') ? ">>" : null;
            case '~' -> previous == '!' || next == '*' || next == '~' ? null : "~";
            case '@' -> next == '>' || previous == '<' || next == '@' ? null : "@";
            default -> null;
        };
    }

    /** Whether token i ends an operand (so that an operator after it is binary). */
    private static boolean endsOperand(List<Token> tokens, int i) {
        if (i < 0) {
            return false;
        }
        Token token = tokens.get(i);
        return switch (token.kind()) {
            case STRING, NUMBER, QUOTED_IDENTIFIER -> true;
            case WORD -> !InfixCasts.NOT_FUNCTIONS.contains(token.text());
            case SYMBOL -> token.isSymbol(")") || token.isSymbol("]");
            case END -> false;
        };
    }

    /** Where the left operand of the binary operator at token t starts (a text offset), or -1. */
    private static int leftStart(String s, List<Token> tokens, int t) {
        int i = t - 1;
        int start = -1;
        while (i >= 0) {
            int operandStart = operandStartBackward(tokens, i);
            if (operandStart < 0) {
                return start;
            }
            start = tokens.get(operandStart).position() - 1;
            i = operandStart - 1;
            // An operator before it: arithmetic or one of the class, both absorbed (left to right);
            // a unary one when nothing that ends an operand comes before it.
            int width = operatorEndingAt(s, tokens, i);
            if (width == 0) {
                return start;
            }
            int before = i - width;
            if (!endsOperand(tokens, before)) {
                String sign = s.substring(tokens.get(i - width + 1).position() - 1, tokens.get(i).position());
                return sign.equals("-") || sign.equals("+") || PREFIX.containsKey(sign) ? tokens.get(i - width + 1).position() - 1 : start;
            }
            i = before;
        }
        return start;
    }

    /** How many tokens the arithmetic or class operator ending at token i has (0 when none does). */
    private static int operatorEndingAt(String s, List<Token> tokens, int i) {
        if (i < 0 || tokens.get(i).kind() != Token.Kind.SYMBOL) {
            return 0;
        }
        for (int width = 3; width >= 1; width--) {
            int first = i - width + 1;
            if (first < 0 || !adjacent(tokens, first, i)) {
                continue;
            }
            String text = s.substring(tokens.get(first).position() - 1, tokens.get(i).position());
            if (ARITHMETIC.contains(text) || text.equals("||") || BINARY.containsKey(text) || PREFIX.containsKey(text)) {
                return width;
            }
        }
        return 0;
    }

    private static boolean adjacent(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (tokens.get(k).kind() != Token.Kind.SYMBOL || k > first && tokens.get(k).position() != tokens.get(k - 1).position() + 1) {
                return false;
            }
        }
        return true;
    }

    /** The first token of the operand ending at token i, or -1 when none ends there. */
    private static int operandStartBackward(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        int start;
        switch (token.kind()) {
            case STRING, QUOTED_IDENTIFIER -> start = i;
            case NUMBER -> start = i > 0 && tokens.get(i - 1).isSymbol("$") ? i - 1 : i;
            case WORD -> {
                if (token.text().equals("end")) {
                    start = matching(tokens, i, "end", "case", -1);
                } else if (InfixCasts.NOT_FUNCTIONS.contains(token.text())) {
                    return -1;
                } else {
                    start = i;
                }
            }
            case SYMBOL -> {
                if (!token.isSymbol(")") && !token.isSymbol("]")) {
                    return -1;
                }
                int open = matching(tokens, i, token.text(), token.isSymbol(")") ? "(" : "[", -1);
                if (open < 0) {
                    return -1;
                }
                start = open;
                if (open > 0 && (tokens.get(open - 1).isIdentifier() && !InfixCasts.NOT_FUNCTIONS.contains(tokens.get(open - 1).text())
                        || tokens.get(open - 1).isWord("array") || tokens.get(open - 1).isSymbol(")") || tokens.get(open - 1).isSymbol("]"))) {
                    int callee = operandStartBackward(tokens, open - 1); // a call, a subscript
                    start = callee < 0 ? open : callee;
                }
            }
            default -> {
                return -1;
            }
        }
        if (start < 0) {
            return -1;
        }
        // qualified names: a.b.c
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        return start;
    }

    /** The end (a text offset) of the right operand starting at token j, or -1 when there is none. */
    private static int rightEnd(String s, List<Token> tokens, int j) {
        int i = j;
        int end = -1;
        boolean expectOperand = true;
        while (i < tokens.size()) {
            if (expectOperand) {
                Token token = tokens.get(i);
                if (token.isSymbol("-") || token.isSymbol("+")) {
                    i++;
                    continue;
                }
                if (token.kind() == Token.Kind.SYMBOL) {
                    String prefix = operatorAt(s, tokens, i);
                    if (prefix != null && PREFIX.containsKey(prefix)) {
                        i += prefix.length();
                        continue;
                    }
                }
                int after = operandEndForward(tokens, i);
                if (after < 0) {
                    return end;
                }
                end = tokenEnd(s, tokens.get(after - 1));
                i = after;
                expectOperand = false;
            } else {
                Token token = tokens.get(i);
                int at = token.position() - 1;
                if (token.kind() != Token.Kind.SYMBOL || !ARITHMETIC.contains(token.text()) || s.startsWith("->", at)) {
                    return end;
                }
                i++;
                expectOperand = true;
            }
        }
        return end;
    }

    /** The token index after the operand starting at token i, or -1 when none starts there. */
    private static int operandEndForward(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        int after;
        switch (token.kind()) {
            case STRING, NUMBER, QUOTED_IDENTIFIER -> after = i + 1;
            case WORD -> {
                if (token.text().equals("case")) {
                    int end = matching(tokens, i, "case", "end", 1);
                    if (end < 0) {
                        return -1;
                    }
                    after = end + 1;
                } else if (token.text().equals("array") || !InfixCasts.NOT_FUNCTIONS.contains(token.text())) {
                    after = i + 1;
                    while (after + 1 < tokens.size() && tokens.get(after).isSymbol(".") && tokens.get(after + 1).isIdentifier()) {
                        after += 2;
                    }
                } else {
                    return -1;
                }
            }
            case SYMBOL -> {
                if (token.isSymbol("$") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.NUMBER) {
                    after = i + 2;
                } else if (token.isSymbol("(")) {
                    int close = matching(tokens, i, "(", ")", 1);
                    if (close < 0) {
                        return -1;
                    }
                    after = close + 1;
                } else {
                    return -1;
                }
            }
            default -> {
                return -1;
            }
        }
        // calls and subscripts: f(x), a[1], ARRAY[1, 2], (x)[1]
        while (after < tokens.size() && (tokens.get(after).isSymbol("(") && token.kind() != Token.Kind.STRING
                || tokens.get(after).isSymbol("["))) {
            int close = matching(tokens, after, tokens.get(after).text(), tokens.get(after).isSymbol("(") ? ")" : "]", 1);
            if (close < 0) {
                return -1;
            }
            after = close + 1;
        }
        return after;
    }

    /** The index of the token that closes (step 1) or opens (step -1) the bracket or CASE at i, or -1. */
    private static int matching(List<Token> tokens, int i, String same, String other, int step) {
        int depth = 0;
        boolean words = Character.isLetter(same.charAt(0));
        for (int k = i; k >= 0 && k < tokens.size(); k += step) {
            Token token = tokens.get(k);
            boolean isSame = words ? token.isWord(same) : token.isSymbol(same);
            boolean isOther = words ? token.isWord(other) : token.isSymbol(other);
            if (isSame) {
                depth++;
            } else if (isOther && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The text offset just after a token. */
    private static int tokenEnd(String s, Token token) {
        int start = token.position() - 1;
        return switch (token.kind()) {
            case STRING -> {
                int quote = s.charAt(start) == '\'' || s.charAt(start) == '$' ? start : start + 1;
                yield SqlLexer.skipQuotedOrComment(s, quote);
            }
            case QUOTED_IDENTIFIER -> SqlLexer.skipQuotedOrComment(s, start);
            default -> start + token.text().length();
        };
    }

    /** Inserts generated text whose characters map to the original offset {@code origin}. */
    private static void insert(StringBuilder text, List<Integer> offsets, int at, String generated, int origin) {
        int from = origin;
        text.insert(at, generated);
        for (int k = 0; k < generated.length(); k++) {
            offsets.add(at, from);
        }
    }

    private static void replace(StringBuilder text, List<Integer> offsets, int start, int end, String generated, int origin) {
        int from = offsets.get(origin);
        text.replace(start, end, generated);
        offsets.subList(start, end).clear();
        for (int k = 0; k < generated.length(); k++) {
            offsets.add(start, from);
        }
    }
}

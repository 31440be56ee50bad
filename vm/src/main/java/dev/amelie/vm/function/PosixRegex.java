package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL's advanced regular expressions (ARE, "9.7.3 POSIX Regular Expressions") and flag
 * letters, translated to java.util.regex where the two differ in common use:
 * <ul>
 *   <li>By default a newline is an ordinary character: {@code .} matches it and {@code $} matches
 *       only at the very end (Java's {@code $} also matches before a final newline). Flags
 *       {@code n}/{@code m} (newline-sensitive), {@code p} and {@code w} select the partial
 *       modes; only {@code \n} is a newline (Java's UNIX_LINES).</li>
 *   <li>{@code \m}, {@code \M}, {@code \y}, {@code \Y} (word boundaries), {@code \Z} (end),
 *       {@code \xhhh}; bracket expressions with {@code [:class:]}, a leading {@code ]} and a
 *       literal {@code [} or {@code &}; embedded options {@code (?i)} at the start.</li>
 *   <li>Case folding is ASCII only, as in PostgreSQL's C locale.</li>
 * </ul>
 * Not translated: PostgreSQL picks the longest match among alternatives ({@code a|ab} matches
 * "ab" in "abc"), Java the first that matches; basic REs (flag {@code b}) are not supported.
 * Compiled patterns are cached, as regexp.c caches them.
 */
final class PosixRegex {
    private PosixRegex() {}

    /** A compiled pattern and whether the flags asked for every match ({@code g}). */
    record Compiled(Pattern pattern, boolean global) {}

    private record Key(String pattern, String flags) {}

    private static final int CACHE_LIMIT = 256;
    private static final Map<Key, Compiled> CACHE = new ConcurrentHashMap<>();

    // PostgreSQL's cflags, as regex.h names them.
    private static final int ICASE = 1;
    private static final int NLSTOP = 2;   // . and [^…] do not match newline
    private static final int NLANCH = 4;   // ^ and $ match at newlines
    private static final int QUOTE = 8;    // the pattern is a literal string
    private static final int EXPANDED = 16;

    /**
     * The pattern compiled with the flags; {@code function} names the caller in the error for a
     * {@code g} it does not take (null when it takes it).
     */
    static Compiled compile(String pattern, String flags, String function) {
        Key key = new Key(pattern, flags);
        Compiled cached = CACHE.get(key);
        if (cached != null) {
            if (cached.global() && function != null) {
                throw globalNotSupported(function);
            }
            return cached;
        }
        int options = 0;
        boolean global = false;
        for (int i = 0; i < flags.length(); i++) {
            char flag = flags.charAt(i);
            switch (flag) {
                case 'g' -> {
                    if (function != null) {
                        throw globalNotSupported(function);
                    }
                    global = true;
                }
                case 'b' -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "basic regular expressions (flag \"b\") are not supported yet");
                case 'c' -> options &= ~ICASE;
                case 'e' -> { } // extended REs are a subset of advanced ones
                case 'i' -> options |= ICASE;
                case 'm', 'n' -> options |= NLSTOP | NLANCH;
                case 'p' -> options = (options | NLSTOP) & ~NLANCH;
                case 'q' -> options |= QUOTE;
                case 's' -> options &= ~(NLSTOP | NLANCH);
                case 't' -> options &= ~EXPANDED;
                case 'w' -> options = (options | NLANCH) & ~NLSTOP;
                case 'x' -> options |= EXPANDED;
                default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + flags.substring(i, i + 1) + "\"");
            }
        }
        Compiled compiled = new Compiled(translate(pattern, options), global);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, compiled);
        return compiled;
    }

    private static SqlException globalNotSupported(String function) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE, function + "() does not support the \"global\" option",
                null, function.equals("regexp_match") ? "Use the regexp_matches function instead." : null, 0, null);
    }

    private static Pattern translate(String are, int options) {
        if ((options & QUOTE) != 0) {
            return compileJava(are, Pattern.LITERAL | caseFlags(options));
        }
        int at = 0;
        // Embedded options: (?letters) at the very start of an ARE.
        if (are.startsWith("***:")) {
            at = 4;
        }
        if (are.startsWith("(?", at) && are.indexOf(')', at) > 0 && isOptionLetters(are.substring(at + 2, are.indexOf(')', at)))) {
            int close = are.indexOf(')', at);
            for (char letter : are.substring(at + 2, close).toCharArray()) {
                options = switch (letter) {
                    case 'c' -> options & ~ICASE;
                    case 'i' -> options | ICASE;
                    case 'm', 'n' -> options | NLSTOP | NLANCH;
                    case 'p' -> (options | NLSTOP) & ~NLANCH;
                    case 's' -> options & ~(NLSTOP | NLANCH);
                    case 'w' -> (options | NLANCH) & ~NLSTOP;
                    case 'x' -> options | EXPANDED;
                    case 'q' -> options | QUOTE;
                    default -> options & ~EXPANDED; // b, e, t
                };
            }
            at = close + 1;
            if ((options & QUOTE) != 0) {
                return compileJava(are.substring(at), Pattern.LITERAL | caseFlags(options));
            }
        }
        StringBuilder java = new StringBuilder(are.length() + 16);
        while (at < are.length()) {
            char c = are.charAt(at);
            if (c == '\\' && at + 1 < are.length()) {
                at = escape(are, at + 1, java);
            } else if (c == '[') {
                at = bracket(are, at + 1, java, options);
            } else if (c == '$') {
                java.append((options & NLANCH) != 0 ? "$" : "\\z");
                at++;
            } else {
                java.append(c);
                at++;
            }
        }
        int flags = Pattern.UNIX_LINES | caseFlags(options);
        if ((options & NLSTOP) == 0) {
            flags |= Pattern.DOTALL;
        }
        if ((options & NLANCH) != 0) {
            flags |= Pattern.MULTILINE;
        }
        if ((options & EXPANDED) != 0) {
            flags |= Pattern.COMMENTS;
        }
        return compileJava(java.toString(), flags);
    }

    private static boolean isOptionLetters(String letters) {
        return !letters.isEmpty() && letters.chars().allMatch(ch -> "bceimnpqstwx".indexOf(ch) >= 0);
    }

    private static int caseFlags(int options) {
        return (options & ICASE) != 0 ? Pattern.CASE_INSENSITIVE : 0;
    }

    /** One escape after a backslash at {@code at}; returns the index after it. */
    private static int escape(String are, int at, StringBuilder java) {
        char c = are.charAt(at);
        switch (c) {
            case 'm' -> java.append("\\b(?=\\w)");
            case 'M' -> java.append("\\b(?<=\\w)");
            case 'y' -> java.append("\\b");
            case 'Y' -> java.append("\\B");
            case 'Z' -> java.append("\\z");
            case 'x' -> {
                int end = at + 1;
                while (end < are.length() && Character.digit(are.charAt(end), 16) >= 0) {
                    end++;
                }
                java.append("\\x{").append(end > at + 1 ? are.substring(at + 1, end) : "0").append('}');
                return end;
            }
            default -> java.append('\\').append(c);
        }
        return at + 1;
    }

    /** A bracket expression whose '[' is just before {@code at}; returns the index after its ']'. */
    private static int bracket(String are, int at, StringBuilder java, int options) {
        java.append('[');
        boolean negated = at < are.length() && are.charAt(at) == '^';
        if (negated) {
            java.append('^');
            at++;
        }
        if (at < are.length() && are.charAt(at) == ']') { // a leading ']' is a member
            java.append("\\]");
            at++;
        }
        while (at < are.length() && are.charAt(at) != ']') {
            char c = are.charAt(at);
            if (c == '[' && at + 1 < are.length() && are.charAt(at + 1) == ':') {
                int end = are.indexOf(":]", at + 2);
                if (end < 0) {
                    throw invalid("brackets [] not balanced");
                }
                java.append(characterClass(are.substring(at + 2, end)));
                at = end + 2;
            } else if (c == '[' && at + 1 < are.length() && (are.charAt(at + 1) == '.' || are.charAt(at + 1) == '=')) {
                String close = are.charAt(at + 1) + "]";
                int end = are.indexOf(close, at + 2);
                if (end < 0) {
                    throw invalid("brackets [] not balanced");
                }
                for (char member : are.substring(at + 2, end).toCharArray()) { // [.x.], [=x=]: x itself
                    if ("\\[]^&-".indexOf(member) >= 0) {
                        java.append('\\');
                    }
                    java.append(member);
                }
                at = end + 2;
            } else if (c == '[' || c == '&') {
                java.append('\\').append(c);
                at++;
            } else if (c == '\\' && at + 1 < are.length()) {
                java.append(c).append(are.charAt(at + 1));
                at += 2;
            } else {
                java.append(c);
                at++;
            }
        }
        if (at >= are.length()) {
            throw invalid("brackets [] not balanced");
        }
        if (negated && (options & NLSTOP) != 0) {
            java.append("\\n");
        }
        java.append(']');
        return at + 1;
    }

    private static String characterClass(String name) {
        return switch (name) {
            case "alnum" -> "\\p{Alnum}";
            case "alpha" -> "\\p{Alpha}";
            case "blank" -> "\\p{Blank}";
            case "cntrl" -> "\\p{Cntrl}";
            case "digit" -> "\\p{Digit}";
            case "graph" -> "\\p{Graph}";
            case "lower" -> "\\p{Lower}";
            case "print" -> "\\p{Print}";
            case "punct" -> "\\p{Punct}";
            case "space" -> "\\p{Space}";
            case "upper" -> "\\p{Upper}";
            case "xdigit" -> "\\p{XDigit}";
            case "word" -> "\\w";
            default -> throw invalid("invalid character class");
        };
    }

    private static Pattern compileJava(String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw invalid(describe(e));
        }
    }

    /** PostgreSQL's wording for the common syntax errors (regerror's messages). */
    private static String describe(PatternSyntaxException e) {
        String description = e.getDescription();
        if (description.contains("Unclosed group") || description.contains("Unmatched closing ')'")) {
            return "parentheses () not balanced";
        }
        if (description.contains("Unclosed character class")) {
            return "brackets [] not balanced";
        }
        if (description.contains("Dangling meta character")) {
            return "quantifier operand invalid";
        }
        if (description.contains("Illegal repetition")) {
            return "invalid repetition count(s)";
        }
        return description.toLowerCase(java.util.Locale.ROOT);
    }

    private static SqlException invalid(String what) {
        return new SqlException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + what);
    }
}

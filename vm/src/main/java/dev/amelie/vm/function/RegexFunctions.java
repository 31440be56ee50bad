package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;

import dev.amelie.vm.value.SqlArray;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * regexp_replace, regexp_count, regexp_like, regexp_instr and regexp_substr as PostgreSQL 15's
 * regexp.c: a start position, the N-th match,
 * flags, subexpressions. Positions count characters. Patterns are translated by
 * {@link PosixRegex}. A search from a start position does not let {@code ^} match there, as in
 * PostgreSQL.
 */
final class RegexFunctions {
    private RegexFunctions() {}

    static Object call(Function function, Object[] r, int first, int count) {
        String source = (String) r[first];
        String pattern = (String) r[first + 1];
        return switch (function) {
            case LIKE -> LikePatterns.like(source, pattern, count > 2 ? (String) r[first + 2] : null);
            case ILIKE -> LikePatterns.ilike(source, pattern, count > 2 ? (String) r[first + 2] : null);
            case SIMILAR -> LikePatterns.similar(source, pattern, count > 2 ? (String) r[first + 2] : null);
            case REGEXP_REPLACE -> replace(source, pattern, (String) r[first + 2], r, first + 3, count - 3);
            case REGEXP_COUNT -> count(source, pattern, count > 2 ? integer(r[first + 2]) : 1,
                    count > 3 ? (String) r[first + 3] : "");
            case REGEXP_LIKE -> PosixRegex.compile(pattern, count > 2 ? (String) r[first + 2] : "", "regexp_like")
                    .pattern().matcher(source).find();
            case REGEX_MATCH -> PosixRegex.compile(pattern, "", "regexp_like").pattern().matcher(source).find();
            case REGEX_IMATCH -> PosixRegex.compile(pattern, "i", "regexp_like").pattern().matcher(source).find();
            case REGEX_NOT_MATCH -> !PosixRegex.compile(pattern, "", "regexp_like").pattern().matcher(source).find();
            case REGEX_NOT_IMATCH -> !PosixRegex.compile(pattern, "i", "regexp_like").pattern().matcher(source).find();
            case REGEXP_INSTR -> instr(source, pattern, count > 2 ? integer(r[first + 2]) : 1,
                    count > 3 ? integer(r[first + 3]) : 1, count > 4 ? integer(r[first + 4]) : 0,
                    count > 5 ? (String) r[first + 5] : "", count > 6 ? integer(r[first + 6]) : 0);
            case REGEXP_SUBSTR -> substr(source, pattern, count > 2 ? integer(r[first + 2]) : 1,
                    count > 3 ? integer(r[first + 3]) : 1, count > 4 ? (String) r[first + 4] : "",
                    count > 5 ? integer(r[first + 5]) : 0);
            case REGEXP_MATCH -> match(source, PosixRegex.compile(pattern, count > 2 ? (String) r[first + 2] : "", "regexp_match"));
            case REGEXP_MATCHES -> matches(source, PosixRegex.compile(pattern, count > 2 ? (String) r[first + 2] : "", null));
            case REGEXP_SPLIT_TO_ARRAY -> split(source,
                    PosixRegex.compile(pattern, count > 2 ? (String) r[first + 2] : "", "regexp_split_to_array"));
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    /**
     * regexp_matches: each match as regexp_match gives it, all of them with g; after an empty
     * match the search goes on one character further (as Matcher.find does).
     */
    private static SqlArray matches(String source, PosixRegex.Compiled compiled) {
        Matcher matcher = compiled.pattern().matcher(source);
        List<Object> rows = new ArrayList<>();
        while (matcher.find()) {
            rows.add(groups(matcher));
            if (!compiled.global()) {
                break;
            }
        }
        return new SqlArray(rows.toArray());
    }

    /**
     * regexp_match: the first match's parenthesized subexpressions (NULL for one that took no
     * part), or the whole match when there are none; NULL without a match.
     */
    private static SqlArray match(String source, PosixRegex.Compiled compiled) {
        Matcher matcher = compiled.pattern().matcher(source);
        return matcher.find() ? groups(matcher) : null;
    }

    private static SqlArray groups(Matcher matcher) {
        if (matcher.groupCount() == 0) {
            return new SqlArray(new Object[] {matcher.group()});
        }
        Object[] groups = new Object[matcher.groupCount()];
        for (int g = 1; g <= groups.length; g++) {
            groups[g - 1] = matcher.group(g);
        }
        return new SqlArray(groups);
    }

    /**
     * regexp_split_to_array: the text between matches, as regexp.c's setup_regexp_matches with
     * ignore_degenerate: a match that is empty at the start or end of the text, or that ends where
     * the previous one ended, does not split; after an empty match the search moves on one
     * character.
     */
    private static SqlArray split(String source, PosixRegex.Compiled compiled) {
        Matcher matcher = compiled.pattern().matcher(source);
        matcher.useAnchoringBounds(false).useTransparentBounds(true);
        List<Object> parts = new ArrayList<>();
        int copied = 0;
        int previousEnd = 0;
        int search = 0;
        while (search <= source.length()) {
            matcher.region(search, source.length());
            if (!matcher.find()) {
                break;
            }
            if (matcher.start() < source.length() && matcher.end() > previousEnd) {
                parts.add(source.substring(copied, matcher.start()));
                copied = matcher.end();
            }
            previousEnd = matcher.end();
            search = previousEnd;
            if (matcher.start() == matcher.end()) {
                if (search >= source.length()) {
                    break;
                }
                search += Character.charCount(source.codePointAt(search));
            }
        }
        parts.add(source.substring(copied));
        return new SqlArray(parts.toArray());
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    /**
     * regexp_replace(source, pattern, replacement [, flags]) and (…, start [, n [, flags]]):
     * the first match, all of them with {@code g} or n = 0, or only the n-th.
     */
    private static String replace(String source, String pattern, String replacement, Object[] r, int at, int extra) {
        int start = 1;
        int n;
        String flags = "";
        if (extra == 1 && r[at] instanceof String f) {
            flags = f;
            n = -1; // from the flags
        } else {
            start = extra > 0 ? integer(r[at]) : 1;
            n = extra > 1 ? integer(r[at + 1]) : -1;
            flags = extra > 2 ? (String) r[at + 2] : "";
            checkPositive("start", start);
            if (n < -1 || extra > 1 && n < 0) {
                throw invalidParameter("n", n);
            }
        }
        PosixRegex.Compiled compiled = PosixRegex.compile(pattern, flags, null);
        if (n == -1) {
            n = compiled.global() ? 0 : 1;
        }
        Matcher matcher = matcher(compiled, source, start);
        if (matcher == null) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length());
        int copied = 0;
        int found = 0;
        while (matcher.find()) {
            found++;
            if (n == 0 || found == n) {
                out.append(source, copied, matcher.start());
                appendReplacement(out, replacement, matcher, source);
                copied = matcher.end();
                if (n != 0) {
                    break;
                }
            }
        }
        return out.append(source, copied, source.length()).toString();
    }

    /** \1 … \9 are subexpressions, \&amp; the whole match, \\ a backslash; other backslashes stay. */
    private static void appendReplacement(StringBuilder out, String replacement, Matcher matcher, String source) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 == replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(i + 1);
            if (next >= '1' && next <= '9') {
                int group = next - '0';
                if (group <= matcher.groupCount() && matcher.start(group) >= 0) {
                    out.append(source, matcher.start(group), matcher.end(group));
                }
                i++;
            } else if (next == '&') {
                out.append(source, matcher.start(), matcher.end());
                i++;
            } else if (next == '\\') {
                out.append('\\');
                i++;
            } else {
                out.append('\\');
            }
        }
    }

    private static int count(String source, String pattern, int start, String flags) {
        checkPositive("start", start);
        Matcher matcher = matcher(PosixRegex.compile(pattern, flags, "regexp_count"), source, start);
        int found = 0;
        while (matcher != null && matcher.find()) {
            found++;
        }
        return found;
    }

    private static int instr(String source, String pattern, int start, int n, int endOption, String flags, int subexpression) {
        checkPositive("start", start);
        checkPositive("n", n);
        if (endOption < 0) {
            throw invalidParameter("endoption", endOption);
        }
        if (subexpression < 0) {
            throw invalidParameter("subexpr", subexpression);
        }
        Matcher matcher = nth(PosixRegex.compile(pattern, flags, "regexp_instr"), source, start, n);
        if (matcher == null || subexpression > matcher.groupCount() || matcher.start(subexpression) < 0) {
            return 0;
        }
        int at = endOption == 0 ? matcher.start(subexpression) : matcher.end(subexpression);
        return source.codePointCount(0, at) + 1;
    }

    private static String substr(String source, String pattern, int start, int n, String flags, int subexpression) {
        checkPositive("start", start);
        checkPositive("n", n);
        if (subexpression < 0) {
            throw invalidParameter("subexpr", subexpression);
        }
        Matcher matcher = nth(PosixRegex.compile(pattern, flags, "regexp_substr"), source, start, n);
        if (matcher == null || subexpression > matcher.groupCount() || matcher.start(subexpression) < 0) {
            return null;
        }
        return matcher.group(subexpression);
    }

    /** The matcher positioned on the n-th match from start, or null if there are fewer. */
    private static Matcher nth(PosixRegex.Compiled compiled, String source, int start, int n) {
        Matcher matcher = matcher(compiled, source, start);
        if (matcher == null) {
            return null;
        }
        for (int found = 0; found < n; found++) {
            if (!matcher.find()) {
                return null;
            }
        }
        return matcher;
    }

    /** A matcher searching from character position start (1-based), or null past the end. */
    private static Matcher matcher(PosixRegex.Compiled compiled, String source, int start) {
        if (start - 1 > source.codePointCount(0, source.length())) {
            return null;
        }
        int from = source.offsetByCodePoints(0, start - 1);
        Matcher matcher = compiled.pattern().matcher(source);
        matcher.useAnchoringBounds(false).useTransparentBounds(true).region(from, source.length());
        return matcher;
    }

    private static void checkPositive(String parameter, int value) {
        if (value <= 0) {
            throw invalidParameter(parameter, value);
        }
    }

    private static SqlException invalidParameter(String parameter, int value) {
        return new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + parameter + "\": " + value);
    }
}

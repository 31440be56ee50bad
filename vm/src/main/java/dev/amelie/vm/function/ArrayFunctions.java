package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.SqlArray;
import dev.amelie.vm.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** PostgreSQL's array functions and operators (arrayfuncs.c, array_userfuncs.c) on one-dimensional arrays. */
final class ArrayFunctions {
    private ArrayFunctions() {}

    static Object call(Function function, Object[] r, int first, int count, java.time.ZoneId zone) {
        return switch (function) {
            case ARRAY_BUILD -> new SqlArray(Arrays.copyOfRange(r, first, first + count));
            case ARRAY_FROM_LIST -> r[first] == null ? null : new SqlArray(((List<?>) r[first]).toArray());
            case ARRAY_ELEMENT -> array(r[first]).get(((Number) r[first + 1]).longValue());
            case ARRAY_SLICE -> slice(r[first], r[first + 1], r[first + 2], ((Number) r[first + 3]).intValue());
            case UNNEST_ELEMENT -> array(r[first]).get(((Number) r[first + 1]).longValue());
            case ARRAY_LENGTH -> dimension(r, first) && array(r[first]).length() > 0 ? array(r[first]).length() : null;
            case ARRAY_UPPER -> dimension(r, first) && array(r[first]).length() > 0 ? array(r[first]).length() : null;
            case ARRAY_SUBSCRIPTS -> dimension(r, first) && array(r[first]).length() > 0 ? subscripts(array(r[first]).length()) : null;
            case ARRAY_LOWER -> dimension(r, first) && array(r[first]).length() > 0 ? 1 : null;
            case CARDINALITY -> array(r[first]).length();
            case ARRAY_TO_STRING -> arrayToString(array(r[first]), Values.toText(r[first + 1]),
                    count > 2 ? Values.toText(r[first + 2]) : null, zone);
            case STRING_TO_ARRAY -> r[first] == null ? null : stringToArray(Values.toText(r[first]), r[first + 1] == null ? null : Values.toText(r[first + 1]),
                    count > 2 && r[first + 2] != null ? Values.toText(r[first + 2]) : null);
            case ARRAY_APPEND -> r[first] == null ? new SqlArray(new Object[] {r[first + 1]})
                    : array(r[first]).concat(new SqlArray(new Object[] {r[first + 1]}));
            case ARRAY_PREPEND -> r[first + 1] == null ? new SqlArray(new Object[] {r[first]})
                    : new SqlArray(new Object[] {r[first]}).concat(array(r[first + 1]));
            case ARRAY_CAT -> r[first] == null ? r[first + 1] : r[first + 1] == null ? r[first]
                    : array(r[first]).concat(array(r[first + 1]));
            case ARRAY_POSITION -> r[first] == null ? null : position(array(r[first]), r[first + 1]);
            case ARRAY_REMOVE -> r[first] == null ? null : remove(array(r[first]), r[first + 1]);
            case ARRAY_CONTAINS -> contains(array(r[first]), array(r[first + 1]));
            case ARRAY_CONTAINED -> contains(array(r[first + 1]), array(r[first]));
            case ARRAY_OVERLAP -> overlap(array(r[first]), array(r[first + 1]));
            case ARRAY_ANY -> r[first + 1] == null ? null : quantified(r[first], array(r[first + 1]), (String) r[first + 2], false);
            case ARRAY_ALL -> r[first + 1] == null ? null : quantified(r[first], array(r[first + 1]), (String) r[first + 2], true);
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    private static SqlArray subscripts(int length) {
        Object[] subscripts = new Object[length];
        for (int i = 0; i < length; i++) {
            subscripts[i] = i + 1;
        }
        return new SqlArray(subscripts);
    }

    private static SqlArray slice(Object value, Object lower, Object upper, int given) {
        boolean lowerGiven = (given & 1) != 0;
        boolean upperGiven = (given & 2) != 0;
        if (value == null || lowerGiven && lower == null || upperGiven && upper == null) {
            return null;
        }
        Object[] elements = array(value).elements();
        long from = Math.max(lowerGiven ? ((Number) lower).longValue() : 1, 1);
        long to = Math.min(upperGiven ? ((Number) upper).longValue() : elements.length, elements.length);
        return from > to ? new SqlArray(new Object[0]) : new SqlArray(Arrays.copyOfRange(elements, (int) from - 1, (int) to));
    }

    private static SqlArray array(Object value) {
        return (SqlArray) value;
    }

    private static boolean dimension(Object[] r, int first) {
        return ((Number) r[first + 1]).intValue() == 1;
    }

    private static String arrayToString(SqlArray array, String separator, String nullText, java.time.ZoneId zone) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (Object element : array.elements()) {
            if (element == null && nullText == null) {
                continue;
            }
            if (any) {
                out.append(separator);
            }
            out.append(element == null ? nullText : element instanceof Boolean b ? (b ? "t" : "f") : Values.toText(element, zone));
            any = true;
        }
        return out.toString();
    }

    /** string_to_array: a NULL separator splits into characters, an empty one keeps the whole string. */
    private static SqlArray stringToArray(String text, String separator, String nullText) {
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return new SqlArray(new Object[0]);
        }
        if (separator == null) {
            text.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
        } else if (separator.isEmpty()) {
            parts.add(text);
        } else {
            int from = 0;
            int at;
            while ((at = text.indexOf(separator, from)) >= 0) {
                parts.add(text.substring(from, at));
                from = at + separator.length();
            }
            parts.add(text.substring(from));
        }
        Object[] elements = new Object[parts.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = parts.get(i).equals(nullText) ? null : parts.get(i);
        }
        return new SqlArray(elements);
    }

    private static Object position(SqlArray array, Object wanted) {
        Object[] elements = array.elements();
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null ? wanted == null : wanted != null && Values.compare(elements[i], wanted) == 0) {
                return i + 1;
            }
        }
        return null;
    }

    private static SqlArray remove(SqlArray array, Object unwanted) {
        List<Object> kept = new ArrayList<>();
        for (Object element : array.elements()) {
            boolean same = element == null ? unwanted == null : unwanted != null && Values.compare(element, unwanted) == 0;
            if (!same) {
                kept.add(element);
            }
        }
        return new SqlArray(kept.toArray());
    }

    /** @>: every non-NULL element of b is in a (NULL elements never match, as arraycontains). */
    private static boolean contains(SqlArray a, SqlArray b) {
        for (Object wanted : b.elements()) {
            if (wanted == null || !has(a, wanted)) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlap(SqlArray a, SqlArray b) {
        for (Object element : b.elements()) {
            if (element != null && has(a, element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(SqlArray array, Object wanted) {
        for (Object element : array.elements()) {
            if (element != null && Values.compare(element, wanted) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * ExecEvalScalarArrayOp: ANY is true at the first element that compares true, ALL false at
     * the first that compares false; otherwise NULL if a comparison was NULL.
     */
    private static Boolean quantified(Object value, SqlArray array, String operator, boolean all) {
        if (array.length() == 0) {
            return all;
        }
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object element : array.elements()) {
            if (element == null) {
                sawNull = true;
                continue;
            }
            int c = Values.compare(value, element);
            boolean holds = switch (operator) {
                case "=" -> c == 0;
                case "<>" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalArgumentException(operator);
            };
            if (holds != all) {
                return holds;
            }
        }
        return sawNull ? null : all;
    }

    static SqlException notArray(Object value) {
        return new SqlException(SqlState.DATATYPE_MISMATCH, "argument is not an array: " + Values.typeName(value));
    }
}

package dev.amelie.vm.value;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A jsonb value: JSON decomposed as PostgreSQL's jsonb keeps it. Object keys are unique (the
 * last one written wins) and ordered shorter first, then bytewise; numbers are numeric, so
 * {@code 1.0} and {@code 1.00} keep their scale but compare equal; whitespace is not kept.
 * The tree holds {@link Obj}, {@link List}, {@link String}, {@link BigDecimal}, {@link Boolean}
 * and {@link #NULL}; it is never changed once built.
 */
public record Jsonb(Object tree) implements Comparable<Jsonb> {
    /** JSON null (SQL NULL is Java null and never inside a tree). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** jsonb's key order: length first, then the UTF-8 bytes (as lengthCompareJsonbString). */
    static final Comparator<String> KEY_ORDER = Comparator.comparingInt((String key) -> utf8Length(key))
            .thenComparing(Jsonb::compareUtf8);

    /** An object: keys in jsonb order. */
    public static final class Obj extends TreeMap<String, Object> {
        public Obj() {
            super(KEY_ORDER);
        }
    }

    public static Jsonb parse(String text) {
        return new Jsonb(JsonParser.parse(text));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, tree);
        return out.toString();
    }

    /**
     * jsonb || jsonb: two objects merge (the right one's keys win); otherwise both sides become
     * arrays (a scalar or object as a one-element array) and are appended.
     */
    public static Jsonb concat(Jsonb a, Jsonb b) {
        if (a.tree instanceof Obj x && b.tree instanceof Obj y) {
            Obj merged = new Obj();
            merged.putAll(x);
            merged.putAll(y);
            return new Jsonb(merged);
        }
        java.util.List<Object> joined = new java.util.ArrayList<>();
        for (Object side : new Object[] {a.tree, b.tree}) {
            if (side instanceof java.util.List<?> list) {
                joined.addAll(list);
            } else {
                joined.add(side);
            }
        }
        return new Jsonb(joined);
    }

    /** A subtree as jsonb prints it. */
    public static String toText(Object node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    /** The jsonb output form: {@code {"a": 1, "b": [true, null]}}. */
    static void write(StringBuilder out, Object node) {
        switch (node) {
            case Obj object -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> entry : object.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    quote(out, entry.getKey());
                    out.append(": ");
                    write(out, entry.getValue());
                }
                out.append('}');
            }
            case List<?> array -> {
                out.append('[');
                for (int k = 0; k < array.size(); k++) {
                    if (k > 0) {
                        out.append(", ");
                    }
                    write(out, array.get(k));
                }
                out.append(']');
            }
            case String s -> quote(out, s);
            case BigDecimal d -> out.append(d.toPlainString());
            default -> out.append(node); // true, false, null
        }
    }

    /** escape_json: quotes, backslashes and control characters escaped. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jsonb j && compareTo(j) == 0;
    }

    @Override
    public int hashCode() {
        return hash(tree);
    }

    private static int hash(Object node) {
        return switch (node) {
            case Obj object -> {
                int h = 1;
                for (Map.Entry<String, Object> entry : object.entrySet()) {
                    h = h * 31 + entry.getKey().hashCode() * 17 + hash(entry.getValue());
                }
                yield h;
            }
            case List<?> array -> {
                int h = 2;
                for (Object element : array) {
                    h = h * 31 + hash(element);
                }
                yield h;
            }
            case BigDecimal d -> d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
            default -> node.hashCode();
        };
    }

    @Override
    public int compareTo(Jsonb other) {
        return compare(tree, other.tree);
    }

    /**
     * compareJsonbContainers' order: by kind (null < string < number < boolean < array <
     * object for scalars and containers alike, with an empty top-level array first), arrays by
     * length then elements, objects by pair count then keys and values in key order.
     */
    static int compare(Object a, Object b) {
        int byKind = Integer.compare(rank(a), rank(b));
        if (byKind != 0) {
            return byKind;
        }
        return switch (a) {
            case Obj x -> {
                Obj y = (Obj) b;
                if (x.size() != y.size()) {
                    yield Integer.compare(x.size(), y.size());
                }
                var i = x.entrySet().iterator();
                var j = y.entrySet().iterator();
                while (i.hasNext()) {
                    Map.Entry<String, Object> p = i.next();
                    Map.Entry<String, Object> q = j.next();
                    int byKey = KEY_ORDER.compare(p.getKey(), q.getKey());
                    if (byKey != 0) {
                        yield byKey;
                    }
                    int byValue = compare(p.getValue(), q.getValue());
                    if (byValue != 0) {
                        yield byValue;
                    }
                }
                yield 0;
            }
            case List<?> x -> {
                List<?> y = (List<?>) b;
                if (x.size() != y.size()) {
                    yield Integer.compare(x.size(), y.size());
                }
                for (int k = 0; k < x.size(); k++) {
                    int c = compare(x.get(k), y.get(k));
                    if (c != 0) {
                        yield c;
                    }
                }
                yield 0;
            }
            case String x -> x.compareTo((String) b);
            case BigDecimal x -> x.compareTo((BigDecimal) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            default -> 0;
        };
    }

    private static int rank(Object node) {
        return switch (node) {
            case String s -> 1;
            case BigDecimal d -> 2;
            case Boolean b -> 3;
            case List<?> l -> 4;
            case Obj o -> 5;
            default -> 0;
        };
    }

    /** jsonb_typeof / json_typeof. */
    public static String typeOf(Object node) {
        return switch (node) {
            case Obj o -> "object";
            case List<?> l -> "array";
            case String s -> "string";
            case BigDecimal d -> "number";
            case Boolean b -> "boolean";
            default -> "null";
        };
    }

    /** The text ->> gives: strings unquoted, JSON null as SQL NULL, anything else as jsonb prints it. */
    public static String asText(Object node) {
        if (node == NULL) {
            return null;
        }
        if (node instanceof String s) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    /** {@code @>}: does {@code a} contain {@code b} (JsonbDeepContains)? */
    public static boolean contains(Object a, Object b) {
        if (a instanceof Obj x) {
            if (!(b instanceof Obj y)) {
                return false;
            }
            for (Map.Entry<String, Object> entry : y.entrySet()) {
                Object value = x.get(entry.getKey());
                if (value == null || !containsValue(value, entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x) {
            // A top-level array contains a scalar it has as an element.
            List<?> wanted = b instanceof List<?> y ? y : b instanceof Obj ? null : List.of(b);
            if (wanted == null) {
                return false;
            }
            for (Object element : wanted) {
                boolean found = false;
                for (Object candidate : x) {
                    if (element instanceof List<?> || element instanceof Obj
                            ? containsValue(candidate, element) : compare(candidate, element) == 0) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return !(b instanceof List<?>) && !(b instanceof Obj) && compare(a, b) == 0;
    }

    private static boolean containsValue(Object value, Object wanted) {
        if (value instanceof Obj || value instanceof List<?>) {
            return (wanted instanceof Obj && value instanceof Obj || wanted instanceof List<?> && value instanceof List<?>)
                    && contains(value, wanted);
        }
        return !(wanted instanceof Obj) && !(wanted instanceof List<?>) && compare(value, wanted) == 0;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

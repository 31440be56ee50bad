package dev.amelie.vm.function;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.value.Json;
import dev.amelie.vm.value.JsonSlices;
import dev.amelie.vm.value.Jsonb;
import dev.amelie.vm.value.Values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's json and jsonb operators and functions (jsonfuncs.c, json.c). A jsonb result is
 * a subtree of its operand; a json result is the operand's own text for that value, as
 * PostgreSQL's json operators return it.
 */
final class JsonFunctions {
    private JsonFunctions() {}

    static Object call(Function function, Object[] r, int first, int count, ZoneId zone) {
        return switch (function) {
            case JSON_FIELD -> field(r[first], r[first + 1], false);
            case JSON_FIELD_TEXT -> field(r[first], r[first + 1], true);
            case JSON_PATH -> path(r[first], Values.toText(r[first + 1]), false);
            case JSON_PATH_TEXT -> path(r[first], Values.toText(r[first + 1]), true);
            case JSONB_CONTAINS -> Jsonb.contains(tree(r[first]), tree(r[first + 1]));
            case JSONB_CONTAINED -> Jsonb.contains(tree(r[first + 1]), tree(r[first]));
            case JSONB_EXISTS -> exists(tree(r[first]), Values.toText(r[first + 1]));
            case JSON_TYPEOF -> Jsonb.typeOf(tree(r[first]));
            case JSON_ARRAY_LENGTH -> arrayLength(tree(r[first]));
            case JSON_BUILD_OBJECT -> buildObject(r, first, count, false, zone);
            case JSONB_BUILD_OBJECT -> buildObject(r, first, count, true, zone);
            case JSON_BUILD_ARRAY -> buildArray(r, first, count, false, zone);
            case JSONB_BUILD_ARRAY -> buildArray(r, first, count, true, zone);
            case TO_JSON -> new Json(jsonText(r[first], zone));
            case TO_JSONB -> new Jsonb(node(r[first], zone));
            case JSON_AGG_RESULT -> r[first] == null ? null : jsonAgg((List<?>) r[first], zone);
            case JSONB_AGG_RESULT -> {
                if (r[first] == null) {
                    yield null;
                }
                List<Object> array = new ArrayList<>();
                for (Object value : (List<?>) r[first]) {
                    array.add(node(value, zone));
                }
                yield new Jsonb(array);
            }
            case JSON_OBJECT_AGG_RESULT -> r[first] == null ? null : jsonObjectAgg((List<?>) r[first], zone);
            case JSONB_OBJECT_AGG_RESULT -> r[first] == null ? null : jsonbObjectAgg((List<?>) r[first], zone);
            case JSONB_PRETTY -> pretty(tree(r[first]));
            default -> throw new IllegalArgumentException(function.name());
        };
    }

    private static Object tree(Object value) {
        return switch (value) {
            case Jsonb j -> j.tree();
            case Json j -> j.tree();
            default -> Jsonb.parse(Values.toText(value)).tree();
        };
    }

    /** {@code ->} and {@code ->>}: an object's field by name or an array's element by index (negative from the end). */
    private static Object field(Object json, Object key, boolean asText) {
        if (json instanceof Json j) {
            String slice = key instanceof Number n ? JsonSlices.element(j.text(), n.intValue())
                    : JsonSlices.field(j.text(), Values.toText(key));
            if (slice == null) {
                return null;
            }
            return asText ? JsonSlices.asText(slice) : new Json(slice);
        }
        Object node = step(tree(json), key);
        if (node == null) {
            return null;
        }
        return asText ? Jsonb.asText(node) : new Jsonb(node);
    }

    private static Object step(Object node, Object key) {
        if (key instanceof Number n) {
            if (!(node instanceof List<?> array)) {
                return null;
            }
            int index = n.intValue();
            if (index < 0) {
                index += array.size();
            }
            return index >= 0 && index < array.size() ? array.get(index) : null;
        }
        return node instanceof Jsonb.Obj object ? object.get(Values.toText(key)) : null;
    }

    /** {@code #>} and {@code #>>}: the path is a text array's text form, {@code {a,0,b}}. */
    private static Object path(Object json, String pathText, boolean asText) {
        List<String> keys = dev.amelie.vm.value.ArrayText.elements(pathText);
        Object node = tree(json);
        for (String key : keys) {
            if (key == null) {
                return null;
            }
            if (node instanceof List<?>) {
                int index;
                try {
                    index = Integer.parseInt(key.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
                node = step(node, index);
            } else {
                node = step(node, key);
            }
            if (node == null) {
                return null;
            }
        }
        if (asText) {
            return Jsonb.asText(node);
        }
        return json instanceof Json ? new Json(Jsonb.toText(node)) : new Jsonb(node);
    }

    private static boolean exists(Object node, String key) {
        return switch (node) {
            case Jsonb.Obj object -> object.containsKey(key);
            case List<?> array -> array.contains(key);
            case String s -> s.equals(key);
            default -> false;
        };
    }

    private static int arrayLength(Object node) {
        if (node instanceof List<?> array) {
            return array.size();
        }
        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, node instanceof Jsonb.Obj
                ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
    }

    private static Object buildObject(Object[] r, int first, int count, boolean binary, ZoneId zone) {
        if (count % 2 != 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "argument list must have even number of elements",
                    null, "The arguments of " + (binary ? "jsonb" : "json") + "_build_object() must consist of alternating keys and values.",
                    0, null);
        }
        if (binary) {
            Jsonb.Obj object = new Jsonb.Obj();
            for (int i = first; i < first + count; i += 2) {
                object.put(key(r[i], i - first), node(r[i + 1], zone));
            }
            return new Jsonb(object);
        }
        StringBuilder out = new StringBuilder("{");
        for (int i = first; i < first + count; i += 2) {
            if (i > first) {
                out.append(", ");
            }
            Jsonb.quote(out, key(r[i], i - first));
            out.append(" : ").append(jsonText(r[i + 1], zone));
        }
        return new Json(out.append('}').toString());
    }

    private static String key(Object key, int position) {
        if (key == null) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "argument " + (position + 1) + ": key must not be null");
        }
        return Values.toText(key);
    }

    private static Object buildArray(Object[] r, int first, int count, boolean binary, ZoneId zone) {
        if (binary) {
            List<Object> array = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                array.add(node(r[i], zone));
            }
            return new Jsonb(array);
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = first; i < first + count; i++) {
            if (i > first) {
                out.append(", ");
            }
            out.append(jsonText(r[i], zone));
        }
        return new Json(out.append(']').toString());
    }

    /**
     * json_object_agg: "key" : value pairs as json_object_agg_transfn writes them, between
     * "{ " and " }", duplicate keys kept. The list holds keys and values alternating.
     */
    private static Json jsonObjectAgg(List<?> pairs, ZoneId zone) {
        StringBuilder out = new StringBuilder("{ ");
        for (int i = 0; i < pairs.size(); i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            Jsonb.quote(out, objectKey(pairs.get(i)));
            out.append(" : ").append(jsonText(pairs.get(i + 1), zone));
        }
        return new Json(out.append(" }").toString());
    }

    /** jsonb_object_agg: an object of the pairs, the last value of a duplicate key kept. */
    private static Jsonb jsonbObjectAgg(List<?> pairs, ZoneId zone) {
        Jsonb.Obj object = new Jsonb.Obj();
        for (int i = 0; i < pairs.size(); i += 2) {
            object.put(objectKey(pairs.get(i)), node(pairs.get(i + 1), zone));
        }
        return new Jsonb(object);
    }

    private static String objectKey(Object key) {
        if (key == null) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "field name must not be null");
        }
        return Values.toText(key);
    }

    /** json_agg: the values as to_json writes them, in brackets, ", " between. */
    private static Json jsonAgg(List<?> values, ZoneId zone) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(jsonText(values.get(i), zone));
        }
        return new Json(out.append(']').toString());
    }

    /** A value as jsonb holds it (to_jsonb). */
    static Object node(Object value, ZoneId zone) {
        return switch (value) {
            case null -> Jsonb.NULL;
            case Jsonb j -> j.tree();
            case Json j -> j.tree();
            case Boolean b -> b;
            case BigDecimal d -> d;
            case Double d -> Double.isFinite(d) ? new BigDecimal(Values.toText(d)) : Values.toText(d);
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> scalarText(value, zone);
        };
    }

    /** A value as to_json writes it. */
    static String jsonText(Object value, ZoneId zone) {
        return switch (value) {
            case null -> "null";
            case Json j -> j.text();
            case Jsonb j -> j.toString();
            case Boolean b -> b.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d -> Double.isFinite(d) ? Values.toText(d) : quoted(Values.toText(d));
            case Number n -> n.toString();
            default -> quoted(scalarText(value, zone));
        };
    }

    /** Dates and times go in ISO 8601 with a T, as PostgreSQL's JSON output writes them. */
    private static String scalarText(Object value, ZoneId zone) {
        return switch (value) {
            case LocalDateTime t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            case Instant t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(t, zone))
                    + isoOffset(zone.getRules().getOffset(t).getTotalSeconds());
            case LocalDate d -> Values.toText(d);
            case LocalTime t -> Values.toText(t);
            default -> Values.toText(value);
        };
    }

    /** The offset as JSON's ISO 8601 text has it: +01:00, -03:30, +00:53:28. */
    private static String isoOffset(int seconds) {
        StringBuilder out = new StringBuilder();
        dev.amelie.vm.value.ZonedTimes.appendOffset(out, seconds);
        return out.length() == 3 ? out.append(":00").toString() : out.toString();
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        Jsonb.quote(out, s);
        return out.toString();
    }

    /** jsonb_pretty: four spaces a level, one member or element a line. */
    private static String pretty(Object node) {
        StringBuilder out = new StringBuilder();
        pretty(out, node, 0);
        return out.toString();
    }

    private static void pretty(StringBuilder out, Object node, int level) {
        switch (node) {
            case Jsonb.Obj object when !object.isEmpty() -> {
                out.append("{\n");
                int k = 0;
                for (Map.Entry<String, Object> entry : object.entrySet()) {
                    out.append("    ".repeat(level + 1));
                    Jsonb.quote(out, entry.getKey());
                    out.append(": ");
                    pretty(out, entry.getValue(), level + 1);
                    out.append(++k < object.size() ? ",\n" : "\n");
                }
                out.append("    ".repeat(level)).append('}');
            }
            case List<?> array when !array.isEmpty() -> {
                out.append("[\n");
                for (int k = 0; k < array.size(); k++) {
                    out.append("    ".repeat(level + 1));
                    pretty(out, array.get(k), level + 1);
                    out.append(k + 1 < array.size() ? ",\n" : "\n");
                }
                out.append("    ".repeat(level)).append(']');
            }
            case Jsonb.Obj object -> out.append("{\n").append("    ".repeat(level)).append('}');
            case List<?> array when node instanceof List<?> -> out.append("[\n").append("    ".repeat(level)).append(']');
            default -> out.append(Jsonb.toText(node));
        }
    }
}

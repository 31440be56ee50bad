package dev.amelie.vm.value;

/**
 * A json value: the text as written (checked to be JSON on input), as PostgreSQL's json type
 * keeps it. It has no equality operator in PostgreSQL; {@link #equals} is textual, for the
 * engine's own bookkeeping only.
 */
public record Json(String text) {
    public static Json parse(String text) {
        JsonParser.parse(text);
        return new Json(text);
    }

    /** The parsed tree, for operators and casts to jsonb. */
    public Object tree() {
        return JsonParser.parse(text);
    }

    @Override
    public String toString() {
        return text;
    }
}

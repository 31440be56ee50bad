package dev.amelie.vm.value;

/**
 * A regclass value: a relation's OID, which PostgreSQL prints as the relation's name. The name
 * is looked up when the value is made (the planner resolves {@code 'name'::regclass}), so the
 * value prints without a catalog at hand.
 */
public record RegClass(long oid, String name) implements Comparable<RegClass> {
    @Override
    public int compareTo(RegClass other) {
        return Long.compare(oid, other.oid);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegClass r && r.oid == oid;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(oid);
    }

    /** regclassout: the name, double-quoted unless it is a plain lower-case identifier. */
    @Override
    public String toString() {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int k = 0; k < name.length() && plain; k++) {
            char c = name.charAt(k);
            plain = c < 128 && (Character.isLowerCase(c) || Character.isDigit(c) || c == '_');
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

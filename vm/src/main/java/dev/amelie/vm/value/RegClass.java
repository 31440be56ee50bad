package dev.amelie.vm.value;

/**
 * A regclass value: a relation's OID, which PostgreSQL prints as the relation's name. The name
 * is looked up when the value is made (the planner resolves {@code 'name'::regclass}, the catalog
 * functions the rest), so the value prints without a catalog at hand: {@code name} is that text,
 * quoted and qualified as regclassout writes it.
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

    /** regclassout: {@code name} is already the text it shows (quoted, qualified where needed). */
    @Override
    public String toString() {
        return name;
    }
}

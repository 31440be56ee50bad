package dev.amelie.vm.value;

import java.util.Arrays;

/**
 * A one-dimensional array value, lower bound 1, as PostgreSQL's arrays are by default. Elements
 * are run-time values of the element type or null. Equality and order are PostgreSQL's
 * (array_cmp): element by element, a NULL element above every value, then the shorter first.
 * The array is never changed after construction.
 */
public record SqlArray(Object[] elements) implements Comparable<SqlArray> {
    public int length() {
        return elements.length;
    }

    /** The element at a 1-based subscript, or null outside the bounds (as a[0] or a[9] in PostgreSQL). */
    public Object get(long subscript) {
        return subscript >= 1 && subscript <= elements.length ? elements[(int) subscript - 1] : null;
    }

    @Override
    public int compareTo(SqlArray other) {
        int n = Math.min(elements.length, other.elements.length);
        for (int i = 0; i < n; i++) {
            Object a = elements[i];
            Object b = other.elements[i];
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? 1 : -1;
                }
                continue;
            }
            int c = Values.compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(elements.length, other.elements.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SqlArray a && compareTo(a) == 0;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object element : elements) {
            h = h * 31 + (element == null ? 0 : element instanceof Number n ? Double.hashCode(n.doubleValue()) : element.hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        return ArrayText.format(this);
    }

    public SqlArray concat(SqlArray other) {
        Object[] joined = Arrays.copyOf(elements, elements.length + other.elements.length);
        System.arraycopy(other.elements, 0, joined, elements.length, other.elements.length);
        return new SqlArray(joined);
    }
}

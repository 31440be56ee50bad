package dev.amelie.vm.exec;

/** A forward-only iterator over rows, opened by OPEN or LOOKUP. */
public interface Cursor {
    /** Moves to the next row; false when there is none. */
    boolean next();

    /** The current row's values (do not modify). */
    Object[] row();
}

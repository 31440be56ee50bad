package dev.amelie.pgwire.copy;

import java.util.List;

/** Splits one line of COPY data into its fields' values: text format or CSV. */
interface FieldSplitter {

    /**
     * Replaces {@code fields} with the values of the line {@code line[offset, offset + length)};
     * a null element is SQL NULL (the field matched the NULL string).
     */
    void split(byte[] line, int offset, int length, List<String> fields);
}

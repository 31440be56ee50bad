package dev.amelie.pgwire.message;

import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import io.netty.buffer.ByteBuf;

/**
 * RowDescription ('T'): one field per result column, with the table OID and column number of a
 * column read unchanged from a table (pgjdbc's getTableName and updatable result sets need them),
 * 0 and 0 for a computed one. The type modifier is PostgreSQL's atttypmod (varchar(n), char(n): n + 4; numeric(p, s):
 * ((p << 16) | s) + 4), or -1.
 */
public final class RowDescription {
    private RowDescription() {
    }

    /** {@code formats} null means text for every column (a Describe before Bind, or simple Query). */
    public static void write(ByteBuf out, String[] names, PgType[] types, int[] typmods, FormatCode[] formats) {
        write(out, names, types, typmods, null, formats);
    }

    /** {@code origins} null means every column is computed. */
    public static void write(ByteBuf out, String[] names, PgType[] types, int[] typmods, ColumnOrigin[] origins,
                             FormatCode[] formats) {
        int start = MessageFrame.begin(out, 'T');
        out.writeShort(names.length);
        for (int i = 0; i < names.length; i++) {
            MessageFrame.writeCString(out, names[i]);
            ColumnOrigin origin = origins == null || origins[i] == null ? ColumnOrigin.NONE : origins[i];
            out.writeInt(origin.tableOid());
            out.writeShort(origin.column());
            out.writeInt(types[i].oid());
            out.writeShort(types[i].typlen());
            out.writeInt(typmods == null ? -1 : typmods[i]);
            out.writeShort(formats == null ? FormatCode.TEXT.code() : formats[i].code());
        }
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import io.netty.buffer.ByteBuf;

/**
 * DataRow ('D'): each value is written straight into the output buffer by its type's codec and
 * its length filled in afterwards, so a row costs no intermediate byte arrays.
 */
public final class DataRow {
    private DataRow() {
    }

    /**
     * {@code formats} null means text for every column. A null value is SQL NULL (length -1).
     * A char(n) value (held without its trailing blanks, see TypeModifiers) goes out blank-padded
     * to n, as PostgreSQL stores it; {@code typmods} null: no column is char(n).
     */
    public static void write(ByteBuf out, Object[] row, PgType[] types, int[] typmods, FormatCode[] formats) {
        write(out, row, types, typmods, formats, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    /** As {@link #write(ByteBuf, Object[], PgType[], int[], FormatCode[])}, text in a session whose TimeZone is {@code zone}. */
    public static void write(ByteBuf out, Object[] row, PgType[] types, int[] typmods, FormatCode[] formats,
                             java.time.ZoneId zone) {
        int start = MessageFrame.begin(out, 'D');
        out.writeShort(types.length);
        for (int i = 0; i < types.length; i++) {
            Object value = i < row.length ? row[i] : null;
            if (value == null) {
                out.writeInt(-1);
                continue;
            }
            if (typmods != null && types[i] == PgType.BPCHAR && typmods[i] > 4 && value instanceof String text) {
                value = dev.amelie.vm.value.TypeModifiers.padded(text, typmods[i] - 4);
            }
            int lengthIndex = out.writerIndex();
            out.writeInt(0);
            if (formats == null || formats[i] == FormatCode.TEXT) {
                types[i].codec().writeText(out, value, zone);
            } else {
                types[i].codec().writeBinary(out, value);
            }
            out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
        }
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/**
 * CopyInResponse ('G') and CopyOutResponse ('H'): the backend starts a COPY data stream. We
 * speak only the textual formats (text and CSV), so the overall format and every column's
 * format are 0, as PostgreSQL sends them for those formats.
 */
public final class CopyResponse {
    private CopyResponse() {
    }

    public static void writeCopyIn(ByteBuf out, int columns) {
        write(out, 'G', columns);
    }

    public static void writeCopyOut(ByteBuf out, int columns) {
        write(out, 'H', columns);
    }

    private static void write(ByteBuf out, char type, int columns) {
        int start = MessageFrame.begin(out, type);
        out.writeByte(0);
        out.writeShort(columns);
        for (int i = 0; i < columns; i++) {
            out.writeShort(0);
        }
        MessageFrame.end(out, start);
    }
}

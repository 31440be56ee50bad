package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/**
 * CopyData ('d'): a piece of a COPY data stream. From the client its bytes ({@code data}) need
 * not end at a row boundary; from us (COPY TO) each message carries exactly one row, as
 * PostgreSQL sends them.
 */
public record CopyData(byte[] data) implements FrontendMessage {

    /** Starts a backend CopyData; the caller appends the row's bytes and calls {@link #end}. */
    public static int begin(ByteBuf out) {
        return MessageFrame.begin(out, 'd');
    }

    public static void end(ByteBuf out, int start) {
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** ReadyForQuery ('Z') with the transaction status indicator. */
public final class ReadyForQuery {
    /** Not in a transaction block. */
    public static final byte IDLE = 'I';
    /** In a transaction block. */
    public static final byte IN_TRANSACTION = 'T';
    /** In a failed transaction block; statements are refused until it ends. */
    public static final byte FAILED_TRANSACTION = 'E';

    private ReadyForQuery() {
    }

    public static void write(ByteBuf out, byte status) {
        int start = MessageFrame.begin(out, 'Z');
        out.writeByte(status);
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** CommandComplete ('C') with the command tag ("SELECT 3", "INSERT 0 1", "SET" …). */
public final class CommandComplete {
    private CommandComplete() {
    }

    public static void write(ByteBuf out, String tag) {
        int start = MessageFrame.begin(out, 'C');
        MessageFrame.writeCString(out, tag);
        MessageFrame.end(out, start);
    }
}

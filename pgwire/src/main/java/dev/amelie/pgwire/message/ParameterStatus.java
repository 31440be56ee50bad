package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** ParameterStatus ('S'): the current value of a run-time parameter the client tracks. */
public final class ParameterStatus {
    private ParameterStatus() {
    }

    public static void write(ByteBuf out, String name, String value) {
        int start = MessageFrame.begin(out, 'S');
        MessageFrame.writeCString(out, name);
        MessageFrame.writeCString(out, value);
        MessageFrame.end(out, start);
    }
}

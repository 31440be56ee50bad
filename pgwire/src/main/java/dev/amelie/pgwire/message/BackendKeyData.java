package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** BackendKeyData ('K'): the process id and secret a client needs to send a CancelRequest. */
public final class BackendKeyData {
    private BackendKeyData() {
    }

    public static void write(ByteBuf out, int processId, int secretKey) {
        int start = MessageFrame.begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        MessageFrame.end(out, start);
    }
}

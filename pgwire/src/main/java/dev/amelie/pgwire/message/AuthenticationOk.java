package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** AuthenticationOk ('R', code 0): authentication succeeded (trust, so far). */
public final class AuthenticationOk {
    private AuthenticationOk() {
    }

    public static void write(ByteBuf out) {
        int start = MessageFrame.begin(out, 'R');
        out.writeInt(0);
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The 'R' messages that ask the client to authenticate (protocol-message-formats.html):
 * AuthenticationMD5Password (5, salt), AuthenticationSASL (10, mechanisms), AuthenticationSASLContinue
 * (11, server-first-message) and AuthenticationSASLFinal (12, server-final-message).
 */
public final class AuthenticationRequest {
    private AuthenticationRequest() {
    }

    public static void writeMd5(ByteBuf out, byte[] salt) {
        int start = MessageFrame.begin(out, 'R');
        out.writeInt(5);
        out.writeBytes(salt);
        MessageFrame.end(out, start);
    }

    public static void writeSasl(ByteBuf out, String mechanism) {
        int start = MessageFrame.begin(out, 'R');
        out.writeInt(10);
        out.writeBytes(mechanism.getBytes(StandardCharsets.US_ASCII));
        out.writeByte(0);
        out.writeByte(0);
        MessageFrame.end(out, start);
    }

    public static void writeSaslContinue(ByteBuf out, String data) {
        int start = MessageFrame.begin(out, 'R');
        out.writeInt(11);
        out.writeBytes(data.getBytes(StandardCharsets.UTF_8));
        MessageFrame.end(out, start);
    }

    public static void writeSaslFinal(ByteBuf out, String data) {
        int start = MessageFrame.begin(out, 'R');
        out.writeInt(12);
        out.writeBytes(data.getBytes(StandardCharsets.UTF_8));
        MessageFrame.end(out, start);
    }
}

package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * NegotiateProtocolVersion ('v'): the newest minor version of the requested major version this
 * server speaks, and the protocol options ({@code _pq_.*}) it did not recognize. PostgreSQL
 * sends it before authentication when the client asked for a newer minor version or sent
 * options (backend_startup / postmaster.c SendNegotiateProtocolVersion).
 */
public final class NegotiateProtocolVersion {
    private NegotiateProtocolVersion() {
    }

    public static void write(ByteBuf out, int major, int newestMinor, List<String> unrecognizedOptions) {
        int start = MessageFrame.begin(out, 'v');
        out.writeInt((major << 16) | newestMinor);
        out.writeInt(unrecognizedOptions.size());
        for (String option : unrecognizedOptions) {
            MessageFrame.writeCString(out, option);
        }
        MessageFrame.end(out, start);
    }
}

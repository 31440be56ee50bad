package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** CopyDone ('c'): the end of a COPY data stream, sent by either side. */
public record CopyDone() implements FrontendMessage {

    public static void write(ByteBuf out) {
        MessageFrame.empty(out, 'c');
    }
}

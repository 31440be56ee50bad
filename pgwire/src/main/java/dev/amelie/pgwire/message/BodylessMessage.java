package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;

/** The backend messages that are only a type byte and the length 4. */
public enum BodylessMessage {
    PARSE_COMPLETE('1'),
    BIND_COMPLETE('2'),
    CLOSE_COMPLETE('3'),
    NO_DATA('n'),
    PORTAL_SUSPENDED('s'),
    EMPTY_QUERY_RESPONSE('I');

    private final char type;

    BodylessMessage(char type) {
        this.type = type;
    }

    public void write(ByteBuf out) {
        MessageFrame.empty(out, type);
    }
}

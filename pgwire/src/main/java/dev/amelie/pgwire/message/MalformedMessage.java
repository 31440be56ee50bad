package dev.amelie.pgwire.message;

/**
 * Stands in for bytes that are no valid message. When the framing itself is broken (bad
 * length, unknown type byte, a bad startup packet) the decoder emits it with
 * {@code framed = false}, discards all further input, and the session answers FATAL 08P01 and
 * closes. When a well-framed message has a malformed body (truncated fields, bad counts) it is
 * {@code framed = true}: PostgreSQL answers such a message with an ERROR 08P01 and the session
 * goes on (pqformat.c raises ERROR, not FATAL), skipping until Sync if the message belongs to
 * the extended protocol ({@code type} is its type byte).
 */
public record MalformedMessage(String reason, boolean framed, byte type) implements FrontendMessage {

    public MalformedMessage(String reason) {
        this(reason, false, (byte) 0);
    }

    /** True for Parse, Bind, Describe, Execute, Close and Flush, after which errors skip until Sync. */
    public boolean extendedProtocol() {
        return type == 'P' || type == 'B' || type == 'D' || type == 'E' || type == 'C' || type == 'H';
    }
}

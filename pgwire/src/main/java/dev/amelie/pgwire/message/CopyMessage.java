package dev.amelie.pgwire.message;

/**
 * CopyData ('d'), CopyDone ('c') or CopyFail ('f') outside a COPY. PostgreSQL accepts and
 * ignores them there (postgres.c: "we probably got here because a COPY failed").
 */
public record CopyMessage(byte type) implements FrontendMessage {
}

package dev.amelie.pgwire.message;

/** Sync ('S'): ends an extended-protocol batch; answered with ReadyForQuery. */
public record Sync() implements FrontendMessage {
}

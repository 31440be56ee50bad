package dev.amelie.pgwire.message;

/** Describe ('D'): {@code kind} 'S' for a prepared statement, 'P' for a portal. */
public record Describe(byte kind, String name) implements FrontendMessage {
}

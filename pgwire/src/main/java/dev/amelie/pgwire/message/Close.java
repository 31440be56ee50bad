package dev.amelie.pgwire.message;

/** Close ('C'): {@code kind} 'S' for a prepared statement, 'P' for a portal. */
public record Close(byte kind, String name) implements FrontendMessage {
}

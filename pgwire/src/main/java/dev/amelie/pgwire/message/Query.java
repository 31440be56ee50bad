package dev.amelie.pgwire.message;

/** Query ('Q'): the simple query protocol; may hold several statements. */
public record Query(String text) implements FrontendMessage {
}

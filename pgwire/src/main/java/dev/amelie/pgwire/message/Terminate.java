package dev.amelie.pgwire.message;

/** Terminate ('X'): the client is closing the connection. */
public record Terminate() implements FrontendMessage {
}

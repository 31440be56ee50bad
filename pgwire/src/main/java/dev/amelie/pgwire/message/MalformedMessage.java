package dev.amelie.pgwire.message;

/**
 * Stands in for bytes that are no valid message (bad length, unknown type, truncated fields).
 * The decoder emits it in stream order and then discards all further input; the session
 * answers with a FATAL 08P01 ErrorResponse and closes the connection.
 */
public record MalformedMessage(String reason) implements FrontendMessage {
}

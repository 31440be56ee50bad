package dev.amelie.pgwire.message;

/** Flush ('H'): send what is buffered without ending the batch. */
public record Flush() implements FrontendMessage {
}

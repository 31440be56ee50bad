package dev.amelie.pgwire.message;

/** FunctionCall ('F'): the legacy fast-path interface; read and refused. */
public record FunctionCall() implements FrontendMessage {
}

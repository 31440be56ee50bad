package dev.amelie.pgwire.message;

/** CopyFail ('f'): the client gives up a COPY FROM STDIN, saying why. */
public record CopyFail(String message) implements FrontendMessage {
}

package dev.amelie.pgwire.message;

/** GSSENCRequest (code 80877104): the client asks for GSSAPI encryption before the startup packet. */
public record GssEncRequest() implements FrontendMessage {
    public static final int CODE = 80877104;
}

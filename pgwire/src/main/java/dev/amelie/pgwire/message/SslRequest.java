package dev.amelie.pgwire.message;

/** SSLRequest (code 80877103): the client asks for TLS before the startup packet. */
public record SslRequest() implements FrontendMessage {
    public static final int CODE = 80877103;
}

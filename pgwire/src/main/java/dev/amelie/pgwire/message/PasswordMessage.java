package dev.amelie.pgwire.message;

/**
 * A 'p' message: PasswordMessage, SASLInitialResponse or SASLResponse, told apart by what the
 * server asked for last; {@code body} is the message after its length.
 */
public record PasswordMessage(byte[] body) implements FrontendMessage {
}

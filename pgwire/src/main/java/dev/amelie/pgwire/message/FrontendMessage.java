package dev.amelie.pgwire.message;

/**
 * A message from the client, decoded and self-contained (no reference-counted buffers), so a
 * session can queue it while an earlier statement is still running.
 */
public sealed interface FrontendMessage
        permits SslRequest, GssEncRequest, CancelRequest, StartupMessage,
                Query, Parse, Bind, Describe, Execute, Close, Sync, Flush, Terminate,
                FunctionCall, CopyData, CopyDone, CopyFail, MalformedMessage, PasswordMessage {
}

package dev.amelie.pgwire.message;

import java.util.Map;

/**
 * StartupMessage: the requested protocol version and the name/value pairs that follow it
 * (user, database, options, and any run-time parameter), in the order the client sent them.
 */
public record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
        implements FrontendMessage {
}

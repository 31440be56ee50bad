package dev.amelie.pgwire.message;

/** Parse ('P'): prepare a statement; {@code parameterOids} as declared (0 = unspecified). */
public record Parse(String statementName, String query, int[] parameterOids) implements FrontendMessage {
}

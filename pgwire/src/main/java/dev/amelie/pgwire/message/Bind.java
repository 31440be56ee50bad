package dev.amelie.pgwire.message;

/**
 * Bind ('B'): make a portal from a prepared statement. {@code parameterValues} entries are
 * null for SQL NULL. Format code arrays are as sent: empty means all text, one entry applies
 * to all, otherwise one per parameter or result column.
 */
public record Bind(String portalName, String statementName, short[] parameterFormats,
                   byte[][] parameterValues, short[] resultFormats) implements FrontendMessage {
}

package dev.amelie.pgwire.message;

/** Execute ('E'): run a portal, returning at most {@code maxRows} rows (0 = no limit). */
public record Execute(String portalName, int maxRows) implements FrontendMessage {
}

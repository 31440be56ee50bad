package dev.amelie.pgwire.session;

/** The (process id, secret key) pair of BackendKeyData; a CancelRequest must quote both. */
public record BackendKey(int processId, int secretKey) {
}

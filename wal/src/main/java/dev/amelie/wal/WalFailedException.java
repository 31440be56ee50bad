package dev.amelie.wal;

/**
 * The log stopped accepting writes (fail-stop): after a failed write or fsync we cannot know
 * what reached the disk, so nothing more may be acknowledged. Restarting the process recovers
 * from what is on disk. The cause is the original failure, if there was one.
 */
public final class WalFailedException extends RuntimeException {

    public WalFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The log stopped because an IO operation on {@code file} failed. */
    public static WalFailedException afterFailure(String file, Throwable cause) {
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return new WalFailedException(
                "write-ahead log stopped accepting writes: " + why + " (while writing " + file + ")", cause);
    }

    /** The log stopped because it was closed. */
    public static WalFailedException closed() {
        return new WalFailedException("write-ahead log stopped accepting writes: it was closed", null);
    }

    /** A new exception with the same message and cause, thrown so the stack trace shows the caller. */
    public WalFailedException rethrown() {
        return new WalFailedException(getMessage(), getCause());
    }
}

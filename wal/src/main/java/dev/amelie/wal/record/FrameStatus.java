package dev.amelie.wal.record;

/** What {@link FrameReader} found at an offset. */
public enum FrameStatus {
    /** A whole frame whose checksum matches. */
    VALID,
    /** The header or the payload it announces runs past the end of the file. */
    TRUNCATED,
    /** The length field is larger than any frame we write. */
    LENGTH_INVALID,
    /** A whole frame whose checksum does not match its contents. */
    CHECKSUM_MISMATCH;

    public String describe() {
        return switch (this) {
            case VALID -> "valid record";
            case TRUNCATED -> "incomplete record";
            case LENGTH_INVALID -> "record with an impossible length";
            case CHECKSUM_MISMATCH -> "record whose checksum does not match";
        };
    }
}

package dev.amelie.wal.segment;

import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * A segment file is named after the LSN of its first record, as 16 lowercase hex digits plus
 * {@code .wal} ({@code 0000000000000001.wal}): fixed width, so name order is LSN order and a
 * directory listing reads like the log.
 */
public final class SegmentName {

    public static final String SUFFIX = ".wal";
    private static final int DIGITS = 16;
    private static final HexFormat HEX = HexFormat.of();

    private SegmentName() {
    }

    public static String of(long firstLsn) {
        return HEX.toHexDigits(firstLsn) + SUFFIX;
    }

    /** The first LSN a segment file name stands for; empty for a file that is not a segment. */
    public static OptionalLong parse(String fileName) {
        if (fileName.length() != DIGITS + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = fileName.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(HexFormat.fromHexDigitsToLong(fileName, 0, DIGITS));
    }
}

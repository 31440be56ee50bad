package dev.amelie.wal.snapshot;

import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Names in a snapshot store. A complete snapshot is a directory named after its LSN as 16
 * lowercase hex digits ({@code 0000000000000010}), like a segment, so name order is LSN order.
 * One being written, or being deleted, carries {@code .partial}: a crash leaves it recognisably
 * incomplete. The files in a snapshot have names the caller chooses, from a set that cannot
 * leave the directory or need quoting.
 */
final class SnapshotName {

    static final String PARTIAL_SUFFIX = ".partial";
    private static final int DIGITS = 16;
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private SnapshotName() {
    }

    static String of(long lsn) {
        return HEX.toHexDigits(lsn);
    }

    static String partialOf(long lsn) {
        return of(lsn) + PARTIAL_SUFFIX;
    }

    static boolean isPartial(String name) {
        return name.endsWith(PARTIAL_SUFFIX);
    }

    /** The LSN a complete snapshot's directory name stands for; empty for any other name. */
    static OptionalLong parse(String name) {
        if (name.length() != DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(HexFormat.fromHexDigitsToLong(name));
    }

    /** {@code name} if it may name a file in a snapshot; "." and ".." match the pattern but are directories. */
    static String requireFileName(String name) {
        if (!FILE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a snapshot file name is made of A-Z, a-z, 0-9, '.', '_' and '-', was \""
                    + name + "\"");
        }
        return name;
    }
}

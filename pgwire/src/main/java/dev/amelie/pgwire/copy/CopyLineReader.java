package dev.amelie.pgwire.copy;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.Arrays;

/**
 * Cuts the bytes of a COPY FROM stream into lines, as CopyReadLineText does
 * (src/backend/commands/copyfromparse.c), whatever the CopyData boundaries are.
 *
 * <p>The first line's ending (LF, CR LF or CR) sets the style every later line must use. In text
 * format a backslash takes the next byte with it (an escaped newline is data) and {@code \.}
 * ends the data; in CSV a line break inside quotes is data and {@code \.} ends the data only
 * alone at the start of a line. Bytes after the end marker are ignored, as PostgreSQL ignores
 * them up to CopyDone.
 *
 * <p>Line numbers count as PostgreSQL's cur_lineno does, so error contexts name the same line:
 * one per line, plus one per line break inside a CSV quoted field once the line ending is
 * known.
 *
 * <p>Confined to one thread (the session's event loop). Memory: the unfinished line only.
 */
public final class CopyLineReader {
    private enum LineEnd { UNKNOWN, LF, CR, CRLF }

    private final boolean csv;
    private final byte quote;
    /** The CSV escape byte, or NO_ESCAPE when it is the quote (then the quote alone toggles quoting). */
    private final int escape;
    /** Equals no byte value. */
    private static final int NO_ESCAPE = Integer.MIN_VALUE;

    private byte[] buffer = new byte[8192];
    /** Start of the line being read. */
    private int lineStart;
    /** Where scanning resumes; bytes before it in the line are known not to end it. */
    private int scan;
    /** End of the bytes received. */
    private int limit;
    private boolean inQuote;
    private boolean lastWasEscape;
    private LineEnd lineEnd = LineEnd.UNKNOWN;
    private boolean endOfInput;
    private boolean endMarkerSeen;
    private long lineNumber;
    /** The line being read was counted already (its reading may span several calls). */
    private boolean lineCounted;

    /** The line found by {@link #nextLine()}: {@code buffer()[lineOffset(), lineOffset() + lineLength())}. */
    private int foundOffset;
    private int foundLength;

    public CopyLineReader(boolean csv, byte quote, byte escape) {
        this.csv = csv;
        this.quote = quote;
        // As CopyReadLineText: an escape equal to the quote needs no escape handling.
        this.escape = escape == quote ? NO_ESCAPE : escape;
    }

    /** Appends received bytes. */
    public void feed(byte[] data) {
        if (endMarkerSeen || data.length == 0) {
            return;
        }
        if (lineStart > 0 && limit + data.length > buffer.length) {
            // Move the unfinished line to the front before growing.
            System.arraycopy(buffer, lineStart, buffer, 0, limit - lineStart);
            scan -= lineStart;
            limit -= lineStart;
            lineStart = 0;
        }
        if (limit + data.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, limit + data.length));
        }
        System.arraycopy(data, 0, buffer, limit, data.length);
        limit += data.length;
    }

    /** No more bytes will come (CopyDone): a last line without a line break counts. */
    public void finish() {
        endOfInput = true;
    }

    /** Line number of the line last returned (or being read, for errors while reading it). */
    public long lineNumber() {
        return lineNumber;
    }

    /** True once the data has ended: the end marker was read, or the input finished and was all read. */
    public boolean ended() {
        return endMarkerSeen || endOfInput && lineStart >= limit;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int lineOffset() {
        return foundOffset;
    }

    public int lineLength() {
        return foundLength;
    }

    /**
     * Finds the next complete line; false when more bytes are needed (or the data ended). The
     * line's bytes stay valid until the next call of {@link #feed} or {@link #nextLine}.
     */
    public boolean nextLine() {
        if (endMarkerSeen || lineStart >= limit && endOfInput) {
            return false;
        }
        if (!lineCounted) {
            // A new line begins: PostgreSQL counts it before reading it.
            lineNumber++;
            lineCounted = true;
        }
        int i = scan;
        while (i < limit) {
            byte c = buffer[i];
            if (csv) {
                if ((c == '\\' || c == '\r') && i + 1 >= limit && !endOfInput) {
                    return needMore(i);
                }
                if (inQuote && c == escape) {
                    lastWasEscape = !lastWasEscape;
                }
                if (c == quote && !lastWasEscape) {
                    inQuote = !inQuote;
                }
                if (c != escape) {
                    lastWasEscape = false;
                }
                if (inQuote && c == (lineEnd == LineEnd.LF ? '\n' : '\r')) {
                    lineNumber++;
                }
            }
            if (c == '\r' && (!csv || !inQuote)) {
                if (lineEnd == LineEnd.UNKNOWN || lineEnd == LineEnd.CRLF) {
                    if (i + 1 >= limit && !endOfInput) {
                        return needMore(i);
                    }
                    if (i + 1 < limit && buffer[i + 1] == '\n') {
                        lineEnd = LineEnd.CRLF;
                        return found(i, i + 2);
                    }
                    if (lineEnd == LineEnd.CRLF) {
                        throw carriageReturnInData();
                    }
                    lineEnd = LineEnd.CR;
                } else if (lineEnd == LineEnd.LF) {
                    throw carriageReturnInData();
                }
                return found(i, i + 1);
            }
            if (c == '\n' && (!csv || !inQuote)) {
                if (lineEnd == LineEnd.CR || lineEnd == LineEnd.CRLF) {
                    throw csv ? badFormat("unquoted newline found in data", "Use quoted CSV field to represent newline.")
                            : badFormat("literal newline found in data", "Use \"\\n\" to represent newline.");
                }
                lineEnd = LineEnd.LF;
                return found(i, i + 1);
            }
            if (c == '\\' && (!csv || i == lineStart)) {
                if (i + 1 >= limit) {
                    if (!endOfInput) {
                        return needMore(i);
                    }
                    i++;
                    continue;
                }
                if (buffer[i + 1] == '.') {
                    int marker = endMarker(i);
                    if (marker == NEED_MORE) {
                        return needMore(i);
                    }
                    if (marker == END) {
                        endMarkerSeen = true;
                        foundOffset = lineStart;
                        foundLength = i - lineStart;
                        lineStart = limit;
                        scan = limit;
                        // Data before the marker on its line is a last line of its own.
                        return foundLength > 0;
                    }
                    // CSV: "\." followed by more is data.
                } else if (!csv) {
                    i++; // the escaped byte is data, whatever it is
                }
            }
            i++;
        }
        if (endOfInput) {
            if (csv && inQuote) {
                // The field splitter reports the unterminated quoted field with the line's text.
                return found(limit, limit);
            }
            if (lineStart < limit) {
                return found(limit, limit);
            }
            return false;
        }
        return needMore(i);
    }

    private static final int NEED_MORE = 0;
    private static final int END = 1;
    private static final int DATA = 2;

    /** At {@code \.} (index of the backslash): the end marker, data (CSV only), or more bytes needed. */
    private int endMarker(int at) {
        int i = at + 2;
        if (lineEnd == LineEnd.CRLF) {
            if (i >= limit && !endOfInput) {
                return NEED_MORE;
            }
            byte next = i < limit ? buffer[i] : 0;
            i++;
            if (next == '\n') {
                if (!csv) {
                    throw badFormat("end-of-copy marker does not match previous newline style", null);
                }
                return DATA;
            } else if (next != '\r') {
                if (!csv) {
                    throw badFormat("end-of-copy marker corrupt", null);
                }
                return DATA;
            }
        }
        if (i >= limit && !endOfInput) {
            return NEED_MORE;
        }
        byte next = i < limit ? buffer[i] : 0;
        if (next != '\r' && next != '\n') {
            if (!csv) {
                throw badFormat("end-of-copy marker corrupt", null);
            }
            return DATA;
        }
        if (lineEnd == LineEnd.LF && next != '\n' || lineEnd == LineEnd.CRLF && next != '\n'
                || lineEnd == LineEnd.CR && next != '\r') {
            throw badFormat("end-of-copy marker does not match previous newline style", null);
        }
        return END;
    }

    private boolean found(int end, int next) {
        foundOffset = lineStart;
        foundLength = end - lineStart;
        lineStart = next;
        scan = next;
        inQuote = false;
        lastWasEscape = false;
        lineCounted = false;
        return true;
    }

    private boolean needMore(int resumeAt) {
        // The CSV quote state stays as it is: every wait for more bytes happens before the byte
        // at resumeAt changed it, so scanning it again later counts it once.
        scan = resumeAt;
        return false;
    }

    private SqlException carriageReturnInData() {
        return csv ? badFormat("unquoted carriage return found in data", "Use quoted CSV field to represent carriage return.")
                : badFormat("literal carriage return found in data", "Use \"\\r\" to represent carriage return.");
    }

    private static SqlException badFormat(String message, String hint) {
        return new SqlException(SqlState.BAD_COPY_FILE_FORMAT, message, null, hint, 0, null);
    }
}

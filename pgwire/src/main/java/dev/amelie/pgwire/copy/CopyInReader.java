package dev.amelie.pgwire.copy;

import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyOptions;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the data of one COPY FROM STDIN into rows of typed values as it arrives: lines
 * ({@link CopyLineReader}), fields (text or CSV), then each column type's input function.
 * The header line, when there is one, is skipped or, with HEADER MATCH, checked against the
 * column names.
 *
 * <p>Errors carry PostgreSQL's context (copyfrom.c CopyFromErrorCallback): {@code COPY t, line
 * 3, column v: "zz"} for a bad value, {@code COPY t, line 3: "…"} for a bad line. Confined to the
 * session's event loop.
 */
public final class CopyInReader {
    /** PostgreSQL's MAX_COPY_DATA_DISPLAY: longer data is cut in error contexts. */
    private static final int MAX_DISPLAY_BYTES = 100;

    private final CopyOptions options;
    private final String relationName;
    private final List<String> columnNames;
    private final TypeCodec[] codecs;
    private final CopyLineReader lines;
    private final FieldSplitter splitter;
    private final List<String> fields = new ArrayList<>();
    private boolean headerPending;
    private long rows;

    /** A timestamptz without offset is read in the session's TimeZone. */
    private final java.time.ZoneId zone;

    public CopyInReader(CopyOptions options, String relationName, List<String> columnNames, List<TypeCodec> codecs) {
        this(options, relationName, columnNames, codecs, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    public CopyInReader(CopyOptions options, String relationName, List<String> columnNames, List<TypeCodec> codecs,
                        java.time.ZoneId zone) {
        this.zone = zone;
        this.options = options;
        this.relationName = relationName;
        this.columnNames = List.copyOf(columnNames);
        this.codecs = codecs.toArray(TypeCodec[]::new);
        this.lines = new CopyLineReader(options.csv(), options.quote(), options.escape());
        this.splitter = options.csv()
                ? new CsvFieldSplitter(options.delimiter(), options.quote(), options.escape(), options.nullText())
                : new TextFieldSplitter(options.delimiter(), options.nullText());
        this.headerPending = options.header();
    }

    /** Parses the bytes of one CopyData; each complete row goes to {@code sink}. */
    public void feed(byte[] data, Consumer<Object[]> sink) {
        lines.feed(data);
        readLines(sink);
    }

    /** CopyDone: the last line may lack its line break. */
    public void finish(Consumer<Object[]> sink) {
        lines.finish();
        readLines(sink);
    }

    /** Rows parsed so far. */
    public long rows() {
        return rows;
    }

    private void readLines(Consumer<Object[]> sink) {
        while (true) {
            boolean found;
            try {
                found = lines.nextLine();
            } catch (SqlException e) {
                throw e.withContext(context());
            }
            if (!found) {
                return;
            }
            byte[] buffer = lines.buffer();
            int offset = lines.lineOffset();
            int length = lines.lineLength();
            try {
                splitter.split(buffer, offset, length, fields);
            } catch (SqlException e) {
                throw e.withContext(context() + ": \"" + display(buffer, offset, length) + "\"");
            }
            if (headerPending) {
                headerPending = false;
                if (options.matchHeader()) {
                    checkHeader(buffer, offset, length);
                }
                continue;
            }
            sink.accept(row(buffer, offset, length));
            rows++;
        }
    }

    private Object[] row(byte[] buffer, int offset, int length) {
        if (fields.size() > codecs.length) {
            throw lineError(new SqlException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column"),
                    buffer, offset, length);
        }
        if (fields.size() < codecs.length) {
            throw lineError(new SqlException(SqlState.BAD_COPY_FILE_FORMAT,
                    "missing data for column \"" + columnNames.get(fields.size()) + "\""), buffer, offset, length);
        }
        Object[] row = new Object[codecs.length];
        for (int i = 0; i < row.length; i++) {
            String text = fields.get(i);
            if (text == null) {
                continue;
            }
            try {
                row[i] = codecs[i].readText(text, zone);
            } catch (SqlException e) {
                throw e.withContext(context() + ", column " + columnNames.get(i) + ": \"" + display(text) + "\"");
            }
        }
        return row;
    }

    /** HEADER MATCH (copyfromparse.c NextCopyFromRawFields): the header names the columns, in order. */
    private void checkHeader(byte[] buffer, int offset, int length) {
        if (fields.size() != columnNames.size()) {
            throw lineError(new SqlException(SqlState.BAD_COPY_FILE_FORMAT, "wrong number of fields in header line: got "
                    + fields.size() + ", expected " + columnNames.size()), buffer, offset, length);
        }
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i);
            String expected = columnNames.get(i);
            if (name == null) {
                throw lineError(new SqlException(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field "
                        + (i + 1) + ": got null value (\"" + options.nullText() + "\"), expected \"" + expected + "\""),
                        buffer, offset, length);
            }
            if (!name.equals(expected)) {
                throw lineError(new SqlException(SqlState.BAD_COPY_FILE_FORMAT, "column name mismatch in header line field "
                        + (i + 1) + ": got \"" + name + "\", expected \"" + expected + "\""), buffer, offset, length);
            }
        }
    }

    private SqlException lineError(SqlException error, byte[] buffer, int offset, int length) {
        return error.withContext(context() + ": \"" + display(buffer, offset, length) + "\"");
    }

    private String context() {
        return "COPY " + relationName + ", line " + lines.lineNumber();
    }

    /** limit_printout_length: at most 100 bytes, cut at a character boundary, then "...". */
    static String display(byte[] bytes, int offset, int length) {
        if (length <= MAX_DISPLAY_BYTES) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        int cut = MAX_DISPLAY_BYTES;
        while (cut > 0 && (bytes[offset + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(bytes, offset, cut, StandardCharsets.UTF_8) + "...";
    }

    static String display(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return display(bytes, 0, bytes.length);
    }
}

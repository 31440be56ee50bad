package dev.amelie.pgwire.session;

import dev.amelie.pgwire.copy.CopyInReader;
import dev.amelie.pgwire.message.CopyData;
import dev.amelie.pgwire.message.CopyFail;
import dev.amelie.pgwire.message.CopyResponse;
import dev.amelie.pgwire.session.QueryEngine.CopyInTarget;
import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyOptions;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CopyIn sub-protocol of a COPY … FROM STDIN (protocol chapter "COPY Operations"): after
 * CopyInResponse the client sends CopyData messages, then CopyDone or CopyFail.
 *
 * <p>Each CopyData is parsed into rows as it arrives, on the event loop, so nothing but the rows
 * themselves is kept; they run through the engine once CopyDone came, as one statement, so the
 * load holds no compute node while the client is still sending. A bad row ends the COPY at once
 * with its error, as PostgreSQL does; the rest of the stream (CopyData, CopyDone) then arrives
 * outside a COPY and is ignored. Flush and Sync are ignored during the COPY (libpq may send
 * them); any other message is a protocol violation that ends the COPY (copyfromparse.c
 * CopyGetData).
 *
 * <p>Confined to the session's event loop, like the session.
 */
final class CopyInFlow {
    private final Session session;
    private CopyInReader reader;
    private List<Object[]> rows;
    private Consumer<List<Object[]>> onDone;
    private Consumer<SqlException> onError;

    CopyInFlow(Session session) {
        this.session = session;
    }

    boolean active() {
        return reader != null;
    }

    /** Sends CopyInResponse; {@code onDone} gets the rows at CopyDone, {@code onError} any failure. */
    void start(CopyInTarget target, CopyOptions options, Consumer<List<Object[]>> onDone, Consumer<SqlException> onError) {
        List<String> names = new ArrayList<>();
        List<TypeCodec> codecs = new ArrayList<>();
        for (ResultColumn column : target.columns()) {
            names.add(column.name());
            codecs.add(PgType.ofResult(column.type()).codec());
        }
        this.reader = new CopyInReader(options, target.relationName(), names, codecs, session.parameters().timeZone());
        this.rows = new ArrayList<>();
        this.onDone = onDone;
        this.onError = onError;
        CopyResponse.writeCopyIn(session.out().buffer(), names.size());
        session.out().flush();
    }

    void data(CopyData message) {
        try {
            reader.feed(message.data(), rows::add);
        } catch (SqlException e) {
            abort(e);
        }
    }

    void done() {
        try {
            reader.finish(rows::add);
        } catch (SqlException e) {
            abort(e);
            return;
        }
        List<Object[]> loaded = rows;
        Consumer<List<Object[]>> then = onDone;
        clear();
        then.accept(loaded);
    }

    void fail(CopyFail message) {
        abort(new SqlException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message.message()));
    }

    /** A message that has no place in a COPY data stream. */
    void unexpected(char type) {
        abort(new SqlException(SqlState.PROTOCOL_VIOLATION,
                String.format("unexpected message type 0x%02X during COPY from stdin", (int) type)));
    }

    /** The connection closes: drop what was parsed. */
    void close() {
        clear();
    }

    private void abort(SqlException error) {
        Consumer<SqlException> then = onError;
        clear();
        then.accept(error);
    }

    private void clear() {
        reader = null;
        rows = null;
        onDone = null;
        onError = null;
    }
}

package dev.amelie.pgwire.session;

import dev.amelie.pgwire.message.Bind;
import dev.amelie.pgwire.message.BodylessMessage;
import dev.amelie.pgwire.message.Close;
import dev.amelie.pgwire.message.CommandComplete;
import dev.amelie.pgwire.message.ErrorResponse;
import dev.amelie.pgwire.message.NoticeResponse;
import dev.amelie.pgwire.message.Describe;
import dev.amelie.pgwire.message.Execute;
import dev.amelie.pgwire.message.ParameterDescription;
import dev.amelie.pgwire.message.Parse;
import dev.amelie.pgwire.message.RowDescription;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.pgwire.session.QueryEngine.PreparedQuery;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute, Close and Sync on the session's
 * prepared statements and portals, with PostgreSQL's rules (postgres.c exec_parse_message,
 * exec_bind_message, exec_execute_message …) and messages. The unnamed statement is replaced by
 * every Parse and by a simple Query; the unnamed portal by every Bind, and it ends at Sync.
 *
 * <p>A batch up to Sync is one transaction, as in PostgreSQL: Executes wait in an
 * {@link ExecuteBatch} until Sync (or Flush, which must answer them) and then run together.
 * An Execute of DDL runs at once with those before it, so that later messages of the batch can
 * use what it created (a batch with DDL is atomic up to each DDL statement only).
 */
final class ExtendedQueryFlow {
    private static final byte STATEMENT = 'S';
    private static final byte PORTAL = 'P';

    private final Session session;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    /** Executes waiting for the end of the batch; null when none waits. */
    private ExecuteBatch batch;

    ExtendedQueryFlow(Session session) {
        this.session = session;
    }

    void parse(Parse message) {
        String name = message.statementName();
        if (name.isEmpty()) {
            recordUndo(statements, name);
            statements.remove(name);
        } else if (statements.containsKey(name)) {
            throw new SqlException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
        }
        PgType[] declared = declaredTypes(message.parameterOids());
        List<String> texts = session.engine().splitStatements(message.query());
        if (texts.size() > 1) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        PreparedStatement statement;
        if (texts.isEmpty()) {
            statement = PreparedStatement.empty(name, declared);
        } else {
            SqlType[] declaredSql = new SqlType[declared.length];
            for (int i = 0; i < declared.length; i++) {
                declaredSql[i] = declared[i] == null ? null : declared[i].sqlType();
            }
            // Inside a block that changed the catalog the statement may use what the block made:
            // planned when it runs (unless a parameter's type is left to inference, which needs a plan now).
            boolean planWhenRun = session.engineConnection().blockChangedCatalog()
                    && Arrays.stream(declaredSql).allMatch(java.util.Objects::nonNull);
            PreparedQuery query = planWhenRun ? session.engine().prepareInChangedBlock(texts.getFirst(), declaredSql)
                    : session.engine().prepare(texts.getFirst(), declaredSql);
            if (query.copy() != null) {
                // Its data stream would have to interleave with the batch's messages.
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY is supported only in the simple query protocol");
            }
            statement = PreparedStatement.of(name, query, declared);
        }
        recordUndo(statements, name);
        statements.put(name, statement);
        BodylessMessage.PARSE_COMPLETE.write(session.out().buffer());
    }

    /** Declared OIDs as wire types; 0 and unknown (705) leave the type to the engine. */
    private static PgType[] declaredTypes(int[] oids) {
        PgType[] types = new PgType[oids.length];
        for (int i = 0; i < oids.length; i++) {
            if (oids[i] == PgType.UNSPECIFIED_OID || oids[i] == PgType.UNKNOWN.oid()) {
                continue;
            }
            types[i] = PgType.ofOid(oids[i]);
            if (types[i] == null) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "parameter $" + (i + 1) + " has type OID " + oids[i] + ", which is not supported");
            }
        }
        return types;
    }

    void bind(Bind message) {
        // A FETCH's portal describes its cursor's rows as the cursor is at Bind (pquery.c PortalStart).
        PreparedStatement statement = withCursorColumns(statement(message.statementName()).current());
        String portalName = message.portalName();
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new SqlException(SqlState.DUPLICATE_CURSOR, "cursor \"" + portalName + "\" already exists");
        }
        short[] formats = message.parameterFormats();
        byte[][] values = message.parameterValues();
        if (formats.length > 1 && formats.length != values.length) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "bind message has " + formats.length + " parameter formats but " + values.length + " parameters");
        }
        if (values.length != statement.parameterTypes.length) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "bind message supplies " + values.length
                    + " parameters, but prepared statement \"" + statement.name + "\" requires "
                    + statement.parameterTypes.length);
        }
        Object[] parameters = BindParameters.decode(statement.parameterTypes, formats, values, session.parameters().timeZone());
        // The formats of a statement planned only as it runs are checked against its columns then.
        FormatCode[] resultFormats = statement.describedWhenRun() ? null
                : resultFormats(message.resultFormats(), statement.columnNames.length);
        Portal portal = new Portal(portalName, statement, Arrays.copyOf(parameters, statement.engineParameterCount()),
                resultFormats);
        portal.requestedFormats = message.resultFormats();
        // A new unnamed portal silently replaces the old one.
        recordUndo(portals, portalName);
        portals.put(portalName, portal);
        BodylessMessage.BIND_COMPLETE.write(session.out().buffer());
    }

    /** pquery.c PortalSetResultFormat: none = text, one = for all, else one per column. */
    private static FormatCode[] resultFormats(short[] codes, int columns) {
        if (codes.length > 1 && codes.length != columns) {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION,
                    "bind message has " + codes.length + " result formats but query has " + columns + " columns");
        }
        if (codes.length == 0) {
            return null;
        }
        FormatCode[] given = new FormatCode[codes.length];
        for (int i = 0; i < codes.length; i++) {
            given[i] = FormatCode.of(codes[i]);
        }
        FormatCode[] formats = new FormatCode[columns];
        for (int i = 0; i < columns; i++) {
            formats[i] = given.length == 1 ? given[0] : given[i];
        }
        return formats;
    }

    void describe(Describe message) {
        if (message.kind() == STATEMENT) {
            PreparedStatement statement = withCursorColumns(statement(message.name()).current());
            ParameterDescription.write(session.out().buffer(), statement.parameterTypes);
            if (statement.describedWhenRun()) {
                describeLater(statement, null);
            } else {
                describeRows(statement, null);
            }
        } else if (message.kind() == PORTAL) {
            Portal portal = portal(message.name());
            if (portal.statement.describedWhenRun()) {
                describeLater(portal.statement, portal);
            } else {
                describeRows(portal.statement, portal.resultFormats);
            }
        } else {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + message.kind());
        }
    }

    /**
     * The rows of a statement planned only as it runs are known once the batch ran: the answer
     * waits in the batch (made here if no Execute is waiting yet), in its place among the others.
     */
    private void describeLater(PreparedStatement statement, Portal portal) {
        if (batch == null) {
            batch = new ExecuteBatch();
        }
        batch.describeLater(session.out(), statement, portal);
    }

    /** A portal whose statement was planned only as it ran: described now, its result formats checked. */
    private void describeRan(Portal portal) {
        PreparedStatement now = portal.statement.current();
        if (now != portal.statement) {
            portal.describe(now, resultFormats(portal.requestedFormats, now.columnNames.length));
        }
    }

    private void describeRows(PreparedStatement statement, FormatCode[] formats) {
        if (statement.returnsRows()) {
            RowDescription.write(session.out().buffer(), statement.columnNames, statement.columnTypes, statement.columnTypmods,
                    statement.columnOrigins, formats);
        } else {
            BodylessMessage.NO_DATA.write(session.out().buffer());
        }
    }

    void execute(Execute message) {
        Portal portal = portal(message.portalName());
        if (portal.statement.isEmptyQuery()) {
            BodylessMessage.EMPTY_QUERY_RESPONSE.write(session.out().buffer());
            return;
        }
        if (batch != null && batch.schedules(portal)) {
            batch.more(session.out(), portal, message.maxRows());
            return;
        }
        if (portal.hasRun()) {
            if (batch != null) {
                batch.more(session.out(), portal, message.maxRows());
            } else {
                sendRows(portal, message.maxRows());
            }
            return;
        }
        var command = portal.statement.sessionCommand();
        if (command != null) {
            portal.store(session.parameters().execute(command));
            sendRows(portal, message.maxRows());
            return;
        }
        if (batch == null) {
            batch = new ExecuteBatch();
        }
        batch.run(session.out(), portal, message.maxRows(), new BoundStatement(portal.statement.query, portal.parameters));
        if (portal.statement.query.changesCatalog()) {
            runBatch(() -> { });
        }
    }

    /** For a FETCH, the statement describing the rows of its cursor if it is open now; else the statement. */
    private PreparedStatement withCursorColumns(PreparedStatement statement) {
        String cursor = statement.query == null ? null : statement.query.fetchCursor();
        return cursor == null ? statement : statement.describingCursor(session.engineConnection().cursorColumns(cursor));
    }

    /** True while Executes wait for the end of the batch. */
    boolean hasWaitingExecutes() {
        return batch != null;
    }

    /** An error of a protocol message while Executes wait: their transaction must not commit. */
    void failBatch(SqlException error) {
        batch.fail(error);
    }

    /**
     * Runs the waiting Executes as one transaction, writes every response of the batch in order,
     * then {@code afterwards} (on the event loop, also when the transaction failed).
     */
    private void runBatch(Runnable afterwards) {
        ExecuteBatch running = batch;
        batch = null;
        running.close(session.out());
        session.runTransaction(running.statements(), running.failure(), true, outcome -> {
            try {
                deliver(running, outcome);
            } catch (SqlException e) {
                session.fail(e, true);
            } catch (RuntimeException e) {
                session.fail(session.internalError(e), true);
            }
            afterwards.run();
        });
    }

    /**
     * Writes the batch's responses up to the statement that failed, if one did: its error ends the
     * batch, and everything after it is dropped and undone, as if skipped until Sync.
     */
    private void deliver(ExecuteBatch ran, TransactionOutcome outcome) {
        List<ExecuteBatch.Step> steps = ran.steps();
        int i = 0;
        try {
            for (; i < steps.size(); i++) {
                switch (steps.get(i)) {
                    case ExecuteBatch.Step.Output output -> session.out().append(output.bytes());
                    case ExecuteBatch.Step.Undo _ -> {
                    }
                    case ExecuteBatch.Step.Run run -> {
                        if (run.index() >= outcome.results().size()) {
                            SqlException error = outcome.error() != null ? outcome.error()
                                    : new SqlException(SqlState.INTERNAL_ERROR, "engine returned no result for a statement that succeeded");
                            ErrorResponse.write(session.out().buffer(), error);
                            session.ignoreTillSync();
                            i++;
                            return;
                        }
                        StatementResult result = outcome.results().get(run.index());
                        writeNotices(result.notices());
                        describeRan(run.portal());
                        run.portal().store(result);
                        sendRows(run.portal(), run.maxRows());
                    }
                    case ExecuteBatch.Step.More more -> sendRows(more.portal(), more.maxRows());
                    case ExecuteBatch.Step.Describe describe -> {
                        if (describe.portal() != null) {
                            describeRan(describe.portal());
                            describeRows(describe.portal().statement, describe.portal().resultFormats);
                        } else {
                            describeRows(describe.statement().current(), null);
                        }
                    }
                }
            }
        } finally {
            dropFrom(steps, i);
        }
        if (outcome.error() != null && outcome.error() != ran.failure()) {
            // Every statement ran, yet the transaction failed after them (its commit could not be made durable).
            ErrorResponse.write(session.out().buffer(), outcome.error());
            session.ignoreTillSync();
        }
    }

    /** Releases the responses of skipped steps and takes back their changes, latest first. */
    private static void dropFrom(List<ExecuteBatch.Step> steps, int from) {
        for (int i = steps.size() - 1; i >= from; i--) {
            switch (steps.get(i)) {
                case ExecuteBatch.Step.Output output -> output.bytes().release();
                case ExecuteBatch.Step.Undo undo -> undo.action().run();
                default -> {
                }
            }
        }
    }

    private void writeNotices(List<Notice> notices) {
        if (notices == null) {
            return;
        }
        for (Notice notice : notices) {
            if (!session.parameters().sendsToClient(notice.severity())) {
                continue;
            }
            NoticeResponse.write(session.out().buffer(), notice.severity(), notice.asError());
        }
    }

    /** While Executes wait, a change to statements or portals is recorded so it can be taken back. */
    private <V> void recordUndo(Map<String, V> map, String name) {
        if (batch == null) {
            return;
        }
        V previous = map.get(name);
        batch.undo(previous == null ? () -> map.remove(name) : () -> map.put(name, previous));
    }

    /**
     * Sends up to {@code maxRows} rows (0: all that are left), then PortalSuspended if rows
     * remain, else CommandComplete. For a statement that returns rows the tag counts the rows
     * of this Execute, and a finished portal may be executed again with a count of 0; a
     * finished statement without rows may not (PostgreSQL: 55000 "portal cannot be run").
     */
    private void sendRows(Portal portal, int maxRows) {
        PreparedStatement statement = portal.statement;
        if (portal.isCompleted() && !statement.returnsRows()) {
            throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "portal \"" + portal.name + "\" cannot be run");
        }
        List<Object[]> rows = portal.rows();
        int from = portal.position();
        int left = rows.size() - from;
        int count = maxRows > 0 ? Math.min(maxRows, left) : left;
        session.writeDataRows(rows, from, from + count, statement.columnTypes, statement.columnTypmods, portal.resultFormats);
        portal.advance(count);
        if (count < left) {
            BodylessMessage.PORTAL_SUSPENDED.write(session.out().buffer());
            return;
        }
        portal.complete();
        String tag = portal.commandTag();
        CommandComplete.write(session.out().buffer(), statement.returnsRows() ? withRowCount(tag, count) : tag);
    }

    /** "SELECT 5" → "SELECT 2"; a tag without a trailing count stays as it is. */
    static String withRowCount(String tag, int count) {
        int space = tag.lastIndexOf(' ');
        if (space < 0 || space == tag.length() - 1) {
            return tag;
        }
        for (int i = space + 1; i < tag.length(); i++) {
            if (!Character.isDigit(tag.charAt(i))) {
                return tag;
            }
        }
        return tag.substring(0, space + 1) + count;
    }

    void close(Close message) {
        // Closing something that does not exist is not an error (protocol chapter, Close).
        if (message.kind() == STATEMENT) {
            recordUndo(statements, message.name());
            statements.remove(message.name());
        } else if (message.kind() == PORTAL) {
            recordUndo(portals, message.name());
            portals.remove(message.name());
        } else {
            throw new SqlException(SqlState.PROTOCOL_VIOLATION, "invalid CLOSE message subtype " + message.kind());
        }
        BodylessMessage.CLOSE_COMPLETE.write(session.out().buffer());
    }

    void sync() {
        if (batch != null) {
            runBatch(this::finishSync);
        } else {
            finishSync();
        }
    }

    private void finishSync() {
        session.endIgnoreTillSync();
        portals.remove("");
        session.writeReadyForQuery();
        session.out().flush();
    }

    /** Flush answers everything sent so far, so waiting Executes run now (their batch ends here). */
    void flush() {
        if (batch != null) {
            runBatch(session.out()::flush);
        } else {
            session.out().flush();
        }
    }

    /** A simple Query takes over the unnamed statement and portal. */
    void dropUnnamed() {
        statements.remove("");
        portals.remove("");
    }

    private PreparedStatement statement(String name) {
        PreparedStatement statement = statements.get(name);
        if (statement == null) {
            throw new SqlException(SqlState.INVALID_SQL_STATEMENT_NAME, name.isEmpty()
                    ? "unnamed prepared statement does not exist"
                    : "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new SqlException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }
}

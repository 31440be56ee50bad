package dev.amelie.pgwire.session;

import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.type.SqlType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a protocol session needs from the database: split a simple Query into statements,
 * prepare one statement, run a list of bound statements as one transaction.
 *
 * <p>Threading: {@link #splitStatements} and {@link #prepare} run on the calling (event loop)
 * thread and do CPU work only. {@link #execute} never blocks its caller; its future completes on
 * some other thread once every result it carries is durable.
 */
public interface QueryEngine {

    /**
     * Splits query text into statements at top-level semicolons (quotes, comments and
     * dollar quoting respected). Empty statements are dropped; an all-blank text gives an empty
     * list (the session answers EmptyQueryResponse).
     */
    List<String> splitStatements(String queryText) throws SqlException;

    /**
     * Parses, validates and plans one statement. {@code declaredParameterTypes} holds the types
     * the client declared in Parse (null entries: unspecified); its length may be shorter than
     * the number of parameters. Parameters are written {@code $1, $2, …}.
     */
    PreparedQuery prepare(String statement, SqlType[] declaredParameterTypes) throws SqlException;

    /**
     * Checks one statement of a simple Query without resolving names: PostgreSQL parses a whole
     * message before running it (a syntax error anywhere means nothing runs) but resolves each
     * statement's names only when its turn comes, so that {@code CREATE TABLE t …; INSERT INTO t …}
     * works in one message. The result has no parameters and its columns are known only after
     * {@link #execute}; SET/SHOW/RESET are recognized here already.
     */
    default PreparedQuery parse(String statement) throws SqlException {
        return prepare(statement, new SqlType[0]);
    }

    /**
     * Parse of a statement inside a transaction block that changed the catalog: the names it uses
     * may be ones the block created, which only the block's transaction sees (PostgreSQL plans
     * with the transaction's own uncommitted DDL). A data statement is therefore only
     * syntax-checked here and planned with the declared parameter types when it runs; its
     * columns are known after that ({@link PreparedQuery#planned()}).
     */
    default PreparedQuery prepareInChangedBlock(String statement, SqlType[] declaredParameterTypes) throws SqlException {
        return prepare(statement, declaredParameterTypes);
    }

    /**
     * Runs the statements, in order, as one transaction: all of them take effect or none does.
     * The first failing statement stops the transaction and everything is undone.
     * The future never completes exceptionally for SQL errors: they are in the outcome.
     */
    CompletableFuture<TransactionOutcome> execute(List<BoundStatement> statements);

    /**
     * Runs the statements of one message for a connection, whose state may hold a transaction
     * block opened by an earlier message (BEGIN … COMMIT over several round trips). Without a
     * block this is {@link #execute(List)}.
     */
    default CompletableFuture<TransactionOutcome> execute(Connection connection, List<BoundStatement> statements) {
        return execute(statements);
    }

    /**
     * As {@link #execute(Connection, List)}; a non-null {@code thenFail} is an error the client
     * caused after these statements in the same transaction (a bad message later in an
     * extended-protocol batch): the transaction fails with it, as if a statement had, after the
     * statements ran and their results were collected.
     */
    default CompletableFuture<TransactionOutcome> execute(Connection connection, List<BoundStatement> statements,
                                                          SqlException thenFail) {
        if (thenFail == null) {
            return execute(connection, statements);
        }
        return execute(connection, statements).thenApply(outcome -> outcome.error() != null ? outcome
                : new TransactionOutcome(outcome.results(), thenFail));
    }

    /**
     * A COPY … FROM STDIN's turn has come: resolves its table and columns against the current
     * catalog (42P01, 42703 …) so that the session can parse the data the client is about to
     * send. The rows then run as {@code new BoundStatement(query, rows)} through {@link #execute}.
     */
    default CopyInTarget beginCopyIn(Connection connection, PreparedQuery query) throws SqlException {
        throw new SqlException(dev.amelie.vm.error.SqlState.FEATURE_NOT_SUPPORTED, "COPY is not supported");
    }

    /** What a COPY FROM STDIN loads: the relation name its error contexts use, and its columns in data order. */
    record CopyInTarget(String relationName, List<ResultColumn> columns) {}

    /** SET ROLE's check against the roles the engine knows ({@link ServerView#checkSetRole}). */
    default void checkSetRole(String sessionUser, String role) {
        ServerView.NONE.checkSetRole(sessionUser, role);
    }

    /** State the engine keeps for one client connection between its messages. */
    default Connection connect() {
        return Connection.AUTOCOMMIT;
    }

    /** A client connection as the engine sees it: its transaction block, if any. */
    interface Connection {
        /** A connection that never holds a transaction block open. */
        Connection AUTOCOMMIT = new Connection() {
            @Override
            public TransactionStatus status() {
                return TransactionStatus.IDLE;
            }

            @Override
            public void close() {
            }
        };

        /** The status ReadyForQuery reports; read after the last execute completed. */
        TransactionStatus status();

        /** Whether the open transaction block has run statements that change the catalog (DDL). */
        default boolean blockChangedCatalog() {
            return false;
        }

        /**
         * An error outside the engine (a bad protocol message, a syntax error) inside an open
         * transaction block: the block is failed, as PostgreSQL aborts it.
         */
        default void fail() {
        }

        /** The client went away: whatever its open block did is gone. */
        void close();

        /**
         * A CancelRequest for this connection: the statement running now, if any, stops with
         * 57014. Called from any thread.
         */
        default void cancel() {
        }

        /** statement_timeout expired: as {@link #cancel()}, with PostgreSQL's timeout message. */
        default void timeOut() {
            cancel();
        }

        /**
         * The next execute is not the end of its message: a COPY FROM STDIN follows, whose data
         * the client sends first. PostgreSQL runs a multi-statement Query as one implicit
         * transaction, so what the execute does is shown but not committed; the message's next
         * execute takes it up again, and the last one commits it (or a failure undoes it all).
         */
        default void continueMessage() {
        }

        /**
         * The columns FETCH from the named cursor returns, or null when no such cursor is open: the
         * RowDescription of a FETCH portal (PostgreSQL describes it at Bind, pquery.c PortalStart).
         */
        default List<ResultColumn> cursorColumns(String name) {
            return null;
        }

        /** The sessions of the server as this one sees them, for pg_stat_activity and the backend functions. */
        default void attach(SessionSide sessions) {
        }
    }

    /** Transaction status as ReadyForQuery reports it. */
    enum TransactionStatus {
        IDLE('I'), IN_BLOCK('T'), FAILED('E');

        private final byte indicator;

        TransactionStatus(char indicator) {
            this.indicator = (byte) indicator;
        }

        public byte indicator() {
            return indicator;
        }
    }

    /** A statement ready to run, with the shape the client sees before running it. */
    interface PreparedQuery {
        /** Types of $1..$n, as inferred or declared. */
        SqlType[] parameterTypes();

        /** Columns of the rows it returns; empty when it returns no rows (NoData). */
        List<ResultColumn> columns();

        /** The statement's original text. */
        String text();

        /** False while a statement planned only when it runs has not run yet: its columns are unknown. */
        default boolean planned() {
            return true;
        }

        /**
         * Non-null when the statement is SET / SHOW / RESET: the session carries it out itself
         * (it owns the session parameters) and never passes it to {@link #execute}.
         */
        default SessionCommand sessionCommand() {
            return null;
        }

        /**
         * True for DDL and DECLARE: later messages of an extended-protocol batch may need what it
         * creates (a table, a cursor whose columns a FETCH's Bind describes), so it runs when its
         * Execute arrives rather than at the batch's Sync.
         */
        default boolean changesCatalog() {
            return false;
        }

        /** For FETCH (not MOVE): the cursor it reads, whose columns are its rows' description. */
        default String fetchCursor() {
            return null;
        }

        /** Non-null for COPY: the session runs its data stream (CopyIn/CopyOut). */
        default CopyStatement copy() {
            return null;
        }
    }

    /** Statements that act on the session's own state rather than on data. */
    /** Server-wide settings SHOW ALL lists, as rows {name, setting, description}; none by default. */
    default List<Object[]> serverSettings() {
        return List.of();
    }

    sealed interface SessionCommand {
        /** {@code SET name = value} / {@code SET name TO value}; value null means DEFAULT. */
        /** {@code local}: SET LOCAL (and set_config(…, true)), undone when the transaction ends. */
        record Set(String name, String value, boolean local) implements SessionCommand {
            public Set(String name, String value) {
                this(name, value, false);
            }
        }

        /** {@code SHOW name}; name "all" for SHOW ALL. */
        record Show(String name) implements SessionCommand {}

        /** {@code RESET name}; name "all" for RESET ALL. */
        record Reset(String name) implements SessionCommand {}
    }

    /** A result column; a text column says whether it is varchar or char, and typmod is PostgreSQL's (-1: none). */
    record ResultColumn(String name, SqlType type, dev.amelie.vm.type.CharacterType character, int typmod,
                        long tableOid, int columnNumber) {
        public ResultColumn(String name, SqlType type) {
            this(name, type, dev.amelie.vm.type.CharacterType.TEXT, -1);
        }

        public ResultColumn(String name, SqlType type, dev.amelie.vm.type.CharacterType character, int typmod) {
            this(name, type, character, typmod, 0, 0);
        }

        /** RowDescription's table OID and column number of this column (0, 0 when computed). */
        public dev.amelie.pgwire.message.ColumnOrigin origin() {
            return new dev.amelie.pgwire.message.ColumnOrigin((int) tableOid, (short) columnNumber);
        }

        /** The wire type: varchar and char columns are sent as such. */
        public dev.amelie.pgwire.type.PgType wireType() {
            return dev.amelie.pgwire.type.PgType.ofResult(type, character);
        }
    }

    /**
     * A prepared statement with its parameter values (Java objects of the parameter types). For
     * COPY FROM STDIN, {@code copyRows} holds the rows the client sent, each value already of its
     * column's type; null for every other statement.
     */
    record BoundStatement(PreparedQuery query, Object[] parameters, List<Object[]> copyRows) {
        public BoundStatement(PreparedQuery query, Object[] parameters) {
            this(query, parameters, null);
        }
    }

    /**
     * What one statement did: the CommandComplete tag and, for queries, its rows. {@code columns}
     * describes the rows when the statement was planned only as it ran (see {@link #parse});
     * null means "as the prepared query said". {@code notices} are NOTICE or WARNING messages to send
     * before the CommandComplete (e.g. DROP TABLE IF EXISTS of a missing table). {@code binary}:
     * the rows go out in binary in the simple protocol (FETCH from a BINARY cursor).
     */
    record StatementResult(String commandTag, List<Object[]> rows, List<ResultColumn> columns, List<Notice> notices,
                           boolean binary) {
        public StatementResult(String commandTag, List<Object[]> rows, List<ResultColumn> columns, List<Notice> notices) {
            this(commandTag, rows, columns, notices, false);
        }

        public StatementResult(String commandTag, List<Object[]> rows) {
            this(commandTag, rows, null, List.of());
        }
    }

    /** A NoticeResponse: severity NOTICE or WARNING, its SQLSTATE, message and detail (or null). */
    record Notice(String severity, dev.amelie.vm.error.SqlState state, String message, String detail) {
        public static Notice notice(String message) {
            return notice(message, null);
        }

        public static Notice notice(String message, String detail) {
            return new Notice("NOTICE", dev.amelie.vm.error.SqlState.SUCCESSFUL_COMPLETION, message, detail);
        }

        public static Notice warning(dev.amelie.vm.error.SqlState state, String message) {
            return new Notice("WARNING", state, message, null);
        }

        public dev.amelie.vm.error.SqlException asError() {
            return new dev.amelie.vm.error.SqlException(state, message, detail, null, 0, null);
        }
    }

    /**
     * The results of the statements that ran, in order, and the error of the statement that
     * failed (null when all succeeded). When error is non-null the transaction was rolled back,
     * yet the results before it are still reported, as PostgreSQL does for a multi-statement
     * Query.
     */
    record TransactionOutcome(List<StatementResult> results, SqlException error) {}
}

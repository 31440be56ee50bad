package dev.amelie.pgwire.session;

import dev.amelie.pgwire.copy.CopyOutWriter;
import dev.amelie.pgwire.message.BodylessMessage;
import dev.amelie.pgwire.message.CommandComplete;
import dev.amelie.pgwire.message.CopyDone;
import dev.amelie.pgwire.message.CopyResponse;
import dev.amelie.pgwire.message.ErrorResponse;
import dev.amelie.pgwire.message.Query;
import dev.amelie.pgwire.message.NoticeResponse;
import dev.amelie.pgwire.message.RowDescription;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.CopyInTarget;
import dev.amelie.pgwire.session.QueryEngine.PreparedQuery;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simple query protocol: one Query message, possibly several statements, one transaction.
 *
 * <p>As PostgreSQL does (postgres.c exec_simple_query), the whole text is parsed first, so a
 * syntax error anywhere means nothing runs. SET / SHOW / RESET are carried out by the session
 * in statement order; every other statement before the first failing one goes to the engine
 * in a single {@code execute}. The results then go out in statement order and stop at the
 * first error. A failed message undoes its SETs too, because PostgreSQL's SET is
 * transactional and the message was one implicit transaction.
 *
 * <p>A COPY … FROM STDIN cuts the message into parts: the statements before it run and their
 * results go out, then the client sends the data (see {@link CopyInFlow}), then the COPY and
 * the statements after it run. The parts stay one implicit transaction (the engine keeps the
 * earlier parts uncommitted, see {@link QueryEngine.Connection#continueMessage()}), so an error
 * anywhere undoes the whole message, as in PostgreSQL. COPY … TO STDOUT runs like a query; its
 * rows go out as a CopyOut stream in the statement's place.
 */
final class SimpleQueryFlow {
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final Session session;

    SimpleQueryFlow(Session session) {
        this.session = session;
    }

    void run(Query message) {
        // A simple Query uses the unnamed statement and portal (exec_simple_query drops them).
        session.extendedQuery().dropUnnamed();
        List<String> texts = session.engine().splitStatements(message.text());
        if (texts.isEmpty()) {
            BodylessMessage.EMPTY_QUERY_RESPONSE.write(session.out().buffer());
            session.writeReadyForQuery();
            session.out().flush();
            return;
        }
        List<PreparedStatement> statements = new ArrayList<>(texts.size());
        for (String text : texts) {
            // Names resolve when each statement's turn comes (CREATE TABLE t …; INSERT INTO t …).
            PreparedQuery query = session.engine().parse(text);
            if (query.parameterTypes().length > 0) {
                throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $1");
            }
            statements.add(PreparedStatement.of("", query, new PgType[0]));
        }
        new MessageRun(statements, session.parameters().snapshot()).runPart(0, null);
    }

    private static boolean isCopyIn(PreparedStatement statement) {
        CopyStatement copy = statement.query.copy();
        return copy != null && copy.from();
    }

    /** One Query message on its way: its statements and the parameters to restore if it fails. */
    private final class MessageRun {
        private final List<PreparedStatement> statements;
        private final Map<String, String> parametersBefore;

        MessageRun(List<PreparedStatement> statements, Map<String, String> parametersBefore) {
            this.statements = statements;
            this.parametersBefore = parametersBefore;
        }

        /**
         * Runs the statements from {@code from} up to the next COPY FROM STDIN. {@code copyRows}
         * is non-null when the statement at {@code from} is a COPY FROM whose data has arrived.
         */
        void runPart(int from, List<Object[]> copyRows) {
            StatementResult[] commandResults = new StatementResult[statements.size()];
            int stop = statements.size();
            SqlException commandError = null;
            List<BoundStatement> engineStatements = new ArrayList<>();
            int i = from;
            if (copyRows != null) {
                engineStatements.add(new BoundStatement(statements.get(from).query, NO_PARAMETERS, copyRows));
                i++;
            }
            // Session commands take effect now, in order; the first one that fails ends the message.
            for (; i < statements.size(); i++) {
                PreparedStatement statement = statements.get(i);
                if (isCopyIn(statement)) {
                    stop = i;
                    break;
                }
                if (statement.sessionCommand() == null) {
                    engineStatements.add(new BoundStatement(statement.query, NO_PARAMETERS));
                    continue;
                }
                try {
                    commandResults[i] = session.parameters().execute(statement.sessionCommand());
                } catch (SqlException e) {
                    commandError = e;
                    stop = i;
                    break;
                }
            }
            boolean copyFollows = commandError == null && stop < statements.size();
            Part part = new Part(from, stop, commandResults, commandError, copyFollows);
            if (engineStatements.isEmpty()) {
                part.write(new TransactionOutcome(List.of(), null));
            } else {
                if (copyFollows) {
                    session.continueMessage();
                }
                session.runTransaction(engineStatements, false, part::write);
            }
        }

        /** The COPY FROM STDIN at {@code index} begins: CopyInResponse, then the client's data. */
        private void startCopyIn(int index) {
            PreparedStatement copy = statements.get(index);
            CopyInTarget target;
            try {
                target = session.engine().beginCopyIn(session.engineConnection(), copy.query);
            } catch (SqlException e) {
                failMessage(e);
                return;
            }
            session.copyIn().start(target, copy.query.copy().options(), rows -> runPart(index, rows), this::failMessage);
        }

        /** An error outside the engine's run (the COPY could not start, or its data was bad). */
        private void failMessage(SqlException error) {
            session.parameters().restore(parametersBefore);
            session.fail(error, false);
        }

        /** What to send once a part's transaction is over. */
        private final class Part {
            private final int from;
            private final int stop;
            private final StatementResult[] commandResults;
            private final SqlException commandError;
            private final boolean copyFollows;

            Part(int from, int stop, StatementResult[] commandResults, SqlException commandError, boolean copyFollows) {
                this.from = from;
                this.stop = stop;
                this.commandResults = commandResults;
                this.commandError = commandError;
                this.copyFollows = copyFollows;
            }

            void write(TransactionOutcome outcome) {
                try {
                    writeInOrder(outcome);
                } catch (RuntimeException e) {
                    session.parameters().restore(parametersBefore);
                    throw e;
                }
            }

            private void writeInOrder(TransactionOutcome outcome) {
                SqlException error = commandError;
                int next = 0;
                for (int i = from; i < stop; i++) {
                    StatementResult statementResult = commandResults[i];
                    if (statementResult == null) {
                        if (next >= outcome.results().size()) {
                            error = outcome.error() != null ? outcome.error()
                                    : session.internalError(new IllegalStateException(
                                            "engine returned " + outcome.results().size() + " results for more statements"));
                            break;
                        }
                        statementResult = outcome.results().get(next++);
                    }
                    writeStatementResult(statements.get(i), statementResult);
                }
                if (error == null && outcome.error() != null) {
                    error = outcome.error();
                }
                if (error != null) {
                    session.parameters().restore(parametersBefore);
                    ErrorResponse.write(session.out().buffer(), error);
                } else if (copyFollows) {
                    startCopyIn(stop);
                    return;
                }
                session.writeReadyForQuery();
                session.out().flush();
            }
        }
    }

    private void writeStatementResult(PreparedStatement statement, StatementResult result) {
        String[] names = statement.columnNames;
        PgType[] types = statement.columnTypes;
        int[] typmods = statement.columnTypmods;
        dev.amelie.pgwire.message.ColumnOrigin[] origins = statement.columnOrigins;
        if (result.columns() != null) {
            names = new String[result.columns().size()];
            types = new PgType[names.length];
            typmods = new int[names.length];
            origins = new dev.amelie.pgwire.message.ColumnOrigin[names.length];
            for (int c = 0; c < names.length; c++) {
                names[c] = result.columns().get(c).name();
                types[c] = result.columns().get(c).wireType();
                typmods[c] = result.columns().get(c).typmod();
                origins[c] = result.columns().get(c).origin();
            }
        }
        for (QueryEngine.Notice notice : result.notices()) {
            if (!session.parameters().sendsToClient(notice.severity())) {
                continue;
            }
            NoticeResponse.write(session.out().buffer(), notice.severity(), notice.asError());
        }
        List<Object[]> rows = result.rows() == null ? List.of() : result.rows();
        CopyStatement copy = statement.query == null ? null : statement.query.copy();
        if (copy != null && !copy.from()) {
            writeCopyOut(copy, names, types, rows);
        } else {
            // A BINARY cursor's rows are binary in the simple protocol (sql-declare.html).
            FormatCode[] formats = null;
            if (result.binary()) {
                formats = new FormatCode[names.length];
                java.util.Arrays.fill(formats, FormatCode.BINARY);
            }
            if (names.length > 0) {
                RowDescription.write(session.out().buffer(), names, types, typmods, origins, formats);
            }
            session.writeDataRows(rows, 0, rows.size(), types, typmods, formats);
        }
        CommandComplete.write(session.out().buffer(), result.commandTag());
    }

    /** COPY … TO STDOUT: CopyOutResponse, a CopyData per row (after the header, if asked), CopyDone. */
    private void writeCopyOut(CopyStatement copy, String[] names, PgType[] types, List<Object[]> rows) {
        List<TypeCodec> codecs = new ArrayList<>(types.length);
        for (PgType type : types) {
            codecs.add(type.codec());
        }
        CopyOutWriter writer = new CopyOutWriter(copy.options(), codecs, session.parameters().timeZone());
        CopyResponse.writeCopyOut(session.out().buffer(), types.length);
        if (copy.options().header()) {
            writer.writeHeader(session.out().buffer(), List.of(names));
        }
        for (Object[] row : rows) {
            writer.writeRow(session.out().buffer(), row);
            session.out().spillIfLarge();
        }
        CopyDone.write(session.out().buffer());
    }
}

package dev.amelie.pgwire.session;

import dev.amelie.pgwire.message.BodylessMessage;
import dev.amelie.pgwire.message.CommandComplete;
import dev.amelie.pgwire.message.ErrorResponse;
import dev.amelie.pgwire.message.Query;
import dev.amelie.pgwire.message.NoticeResponse;
import dev.amelie.pgwire.message.RowDescription;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.PreparedQuery;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

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
 */
final class SimpleQueryFlow {
    private static final SqlType[] NO_DECLARED_TYPES = new SqlType[0];

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

        // Session commands take effect now, in order; the first one that fails ends the message.
        Map<String, String> before = session.parameters().snapshot();
        StatementResult[] commandResults = new StatementResult[statements.size()];
        int end = statements.size();
        SqlException commandError = null;
        List<BoundStatement> engineStatements = new ArrayList<>();
        for (int i = 0; i < statements.size() && commandError == null; i++) {
            PreparedStatement statement = statements.get(i);
            if (statement.sessionCommand() == null) {
                engineStatements.add(new BoundStatement(statement.query, new Object[0]));
                continue;
            }
            try {
                commandResults[i] = session.parameters().execute(statement.sessionCommand());
            } catch (SqlException e) {
                commandError = e;
                end = i;
            }
        }
        Result result = new Result(statements, commandResults, end, commandError, before);
        if (engineStatements.isEmpty()) {
            result.write(new TransactionOutcome(List.of(), null));
        } else {
            session.runTransaction(engineStatements, false, result::write);
        }
    }

    /** What to send once the transaction is over. */
    private final class Result {
        private final List<PreparedStatement> statements;
        private final StatementResult[] commandResults;
        private final int end;
        private final SqlException commandError;
        private final Map<String, String> parametersBefore;

        Result(List<PreparedStatement> statements, StatementResult[] commandResults, int end,
               SqlException commandError, Map<String, String> parametersBefore) {
            this.statements = statements;
            this.commandResults = commandResults;
            this.end = end;
            this.commandError = commandError;
            this.parametersBefore = parametersBefore;
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
            for (int i = 0; i < end; i++) {
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
            }
            session.writeReadyForQuery();
            session.out().flush();
        }

        private void writeStatementResult(PreparedStatement statement, StatementResult result) {
            String[] names = statement.columnNames;
            PgType[] types = statement.columnTypes;
            if (result.columns() != null) {
                names = new String[result.columns().size()];
                types = new PgType[names.length];
                for (int c = 0; c < names.length; c++) {
                    names[c] = result.columns().get(c).name();
                    types[c] = PgType.ofResult(result.columns().get(c).type());
                }
            }
            for (QueryEngine.Notice notice : result.notices()) {
                NoticeResponse.write(session.out().buffer(), notice.severity(), new SqlException(notice.state(), notice.message()));
            }
            if (names.length > 0) {
                RowDescription.write(session.out().buffer(), names, types, null);
            }
            List<Object[]> rows = result.rows() == null ? List.of() : result.rows();
            session.writeDataRows(rows, 0, rows.size(), types, null);
            CommandComplete.write(session.out().buffer(), result.commandTag());
        }
    }
}

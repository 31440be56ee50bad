package dev.amelie.pgwire.session;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for the database, enough to drive the protocol. It understands:
 * <ul>
 *   <li>{@code select <integer>}: one int4 column "?column?";</li>
 *   <li>{@code select $1[::type], $2[::type] …}: echoes its parameters (type from the cast,
 *       else the declared one, else unknown);</li>
 *   <li>{@code rows <n>}: int4 column "n" with rows 1..n;</li>
 *   <li>{@code typed}: one row with a value of every type, and one row of NULLs;</li>
 *   <li>{@code insert …}: no rows, tag "INSERT 0 1";</li>
 *   <li>{@code fail}: fails at execution with 22012 division by zero;</li>
 *   <li>{@code boom}: the execute future completes exceptionally (an engine bug);</li>
 *   <li>{@code badvalue}: claims an int4 column but returns a string;</li>
 *   <li>{@code set x = v | set x to v | show x | reset x}: session commands;</li>
 *   <li>anything else: 42601 at prepare.</li>
 * </ul>
 * Execute calls are recorded. With an executor, futures complete on it (another thread, as the
 * real engine's do); with {@link #holdExecutions()}, they complete when the test says so.
 */
public final class FakeQueryEngine implements QueryEngine {
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)(?:::(\\w+))?");
    private static final Pattern SET = Pattern.compile("set\\s+([\\w.]+)\\s*(?:=|\\s+to\\s+)\\s*(.+)", Pattern.CASE_INSENSITIVE);

    private final Executor executor;
    private final List<List<String>> executions = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public FakeQueryEngine() {
        this(null);
    }

    public FakeQueryEngine(Executor executor) {
        this.executor = executor;
    }

    /** The statement texts of every execute call so far, one list per call. */
    public List<List<String>> executions() {
        synchronized (executions) {
            return List.copyOf(executions);
        }
    }

    public void holdExecutions() {
        holding = true;
    }

    /** Completes the held executions, in order, and stops holding. */
    public void releaseExecutions() {
        holding = false;
        List<Runnable> toRun = List.copyOf(held);
        held.clear();
        toRun.forEach(Runnable::run);
    }

    public int heldExecutions() {
        return held.size();
    }

    @Override
    public List<String> splitStatements(String queryText) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : queryText.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        statements.add(current.toString().strip());
        statements.removeIf(String::isEmpty);
        return statements;
    }

    @Override
    public PreparedQuery prepare(String statement, SqlType[] declared) {
        String lower = statement.toLowerCase(Locale.ROOT);
        Matcher set = SET.matcher(statement);
        if (set.matches()) {
            String value = set.group(2).strip();
            value = value.equalsIgnoreCase("default") ? null : value.replaceAll("^'(.*)'$", "$1");
            return command(statement, new SessionCommand.Set(set.group(1), value));
        }
        if (lower.startsWith("show ")) {
            return command(statement, new SessionCommand.Show(statement.substring(5).strip()));
        }
        if (lower.startsWith("reset ")) {
            return command(statement, new SessionCommand.Reset(statement.substring(6).strip()));
        }
        if (lower.matches("select -?\\d+")) {
            int n = Integer.parseInt(lower.substring(7));
            return query(statement, new SqlType[0], List.of(new ResultColumn("?column?", SqlType.INTEGER)),
                    p -> new StatementResult("SELECT 1", rows(new Object[] {n})));
        }
        if (lower.startsWith("select $")) {
            return echo(statement, declared);
        }
        if (lower.matches("rows \\d+")) {
            int n = Integer.parseInt(lower.substring(5));
            return query(statement, new SqlType[0], List.of(new ResultColumn("n", SqlType.INTEGER)), p -> {
                List<Object[]> rows = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    rows.add(new Object[] {i});
                }
                return new StatementResult("SELECT " + n, rows);
            });
        }
        if (lower.equals("typed")) {
            List<ResultColumn> columns = List.of(
                    new ResultColumn("b", SqlType.BOOLEAN), new ResultColumn("s", SqlType.SMALLINT),
                    new ResultColumn("i", SqlType.INTEGER), new ResultColumn("l", SqlType.BIGINT),
                    new ResultColumn("d", SqlType.DOUBLE), new ResultColumn("n", SqlType.NUMERIC),
                    new ResultColumn("t", SqlType.TEXT), new ResultColumn("u", SqlType.UNKNOWN));
            return query(statement, new SqlType[0], columns, p -> new StatementResult("SELECT 2", rows(
                    new Object[] {true, (short) 7, 42, 1_000_000_000_000L, 1.5, new BigDecimal("12345.678"), "héllo", "u"},
                    new Object[8])));
        }
        if (lower.startsWith("insert")) {
            return query(statement, new SqlType[0], List.of(), p -> new StatementResult("INSERT 0 1", List.of()));
        }
        if (lower.equals("fail")) {
            return query(statement, new SqlType[0], List.of(new ResultColumn("x", SqlType.INTEGER)), p -> {
                throw new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
            });
        }
        if (lower.equals("boom")) {
            return query(statement, new SqlType[0], List.of(), p -> {
                throw new IllegalStateException("engine bug");
            });
        }
        if (lower.equals("badvalue")) {
            return query(statement, new SqlType[0], List.of(new ResultColumn("x", SqlType.INTEGER)),
                    p -> new StatementResult("SELECT 2", rows(new Object[] {1}, new Object[] {"not a number"})));
        }
        String word = statement.split("\\s+")[0];
        throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + word + "\"", null, null, 1, null);
    }

    private static PreparedQuery echo(String statement, SqlType[] declared) {
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        Matcher m = PARAMETER.matcher(statement);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1)) - 1;
            if (index < 0) {
                // as the planner: $0 names no parameter
                throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.UNDEFINED_PARAMETER,
                        "there is no parameter $" + m.group(1));
            }
            SqlType type = m.group(2) != null ? castType(m.group(2))
                    : index < declared.length && declared[index] != null ? declared[index] : SqlType.UNKNOWN;
            while (types.size() <= index) {
                types.add(SqlType.UNKNOWN);
            }
            types.set(index, type);
            columns.add(new ResultColumn("?column?", type));
        }
        int[] order = PARAMETER.matcher(statement).results().mapToInt(r -> Integer.parseInt(r.group(1)) - 1).toArray();
        return query(statement, types.toArray(SqlType[]::new), columns, p -> {
            Object[] row = new Object[order.length];
            for (int i = 0; i < order.length; i++) {
                row[i] = p[order[i]];
            }
            return new StatementResult("SELECT 1", rows(row));
        });
    }

    private static SqlType castType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bool" -> SqlType.BOOLEAN;
            case "int2" -> SqlType.SMALLINT;
            case "int4", "int" -> SqlType.INTEGER;
            case "int8" -> SqlType.BIGINT;
            case "float8" -> SqlType.DOUBLE;
            case "numeric" -> SqlType.NUMERIC;
            case "text" -> SqlType.TEXT;
            default -> throw new SqlException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        };
    }

    private static List<Object[]> rows(Object[]... rows) {
        return List.of(rows);
    }

    private static PreparedQuery command(String text, SessionCommand command) {
        return new FakeQuery(text, new SqlType[0], List.of(), command, null);
    }

    private static PreparedQuery query(String text, SqlType[] parameters, List<ResultColumn> columns,
                                       Function<Object[], StatementResult> run) {
        return new FakeQuery(text, parameters, columns, null, run);
    }

    @Override
    public CompletableFuture<TransactionOutcome> execute(List<BoundStatement> statements) {
        executions.add(statements.stream().map(s -> s.query().text()).toList());
        CompletableFuture<TransactionOutcome> future = new CompletableFuture<>();
        Runnable run = () -> {
            List<StatementResult> results = new ArrayList<>();
            try {
                for (BoundStatement statement : statements) {
                    results.add(((FakeQuery) statement.query()).run().apply(statement.parameters()));
                }
                future.complete(new TransactionOutcome(results, null));
            } catch (SqlException e) {
                future.complete(new TransactionOutcome(results, e));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        };
        if (holding) {
            held.add(run);
        } else if (executor != null) {
            executor.execute(run);
        } else {
            run.run();
        }
        return future;
    }

    record FakeQuery(String text, SqlType[] parameterTypes, List<ResultColumn> columns, SessionCommand sessionCommand,
                     Function<Object[], StatementResult> run) implements PreparedQuery {
    }
}

package dev.amelie.planner;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.cache.PlanCache;
import dev.amelie.planner.cache.PlanKey;
import dev.amelie.planner.copy.CopyParser;
import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.planner.copy.CopyTarget;
import dev.amelie.planner.ddl.DdlParser;
import dev.amelie.planner.ddl.TableChangeParser;
import dev.amelie.planner.compute.ComputeCommandParser;
import dev.amelie.planner.durability.DurabilityCommandParser;
import dev.amelie.planner.lower.CopyLowering;
import dev.amelie.planner.relational.RelationalPlanner;
import dev.amelie.planner.sql.ConstantValues;
import dev.amelie.planner.sql.LiteralNormalizer;
import dev.amelie.planner.sql.StatementSplitter;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;
import dev.amelie.planner.utility.BackwardScan;
import dev.amelie.planner.utility.CursorParser;
import dev.amelie.planner.utility.UtilityParser;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;

import java.util.List;
import dev.amelie.planner.sql.TokenStream;
import java.util.Locale;

/**
 * Entry point of planning: one statement's text in, a {@link PlannedStatement} out. Data
 * statements go through Calcite ({@link RelationalPlanner}); DDL, transaction control and
 * session statements through small hand-written parsers. Thread-safe.
 */
public final class Planner {
    static {
        CalciteDefaults.apply();
    }

    private final CatalogStore catalog;
    private final RelationalPlanner relational = new RelationalPlanner();
    private final PlanCache cache = new PlanCache(10_000);
    /** Normalized texts that did not plan: their statements are planned as written. */
    private final java.util.Set<PlanKey> notNormalizable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A plan for a statement of a simple Query, with the values of its constants as parameters. */
    public record SimplePlan(PlannedStatement plan, Object[] parameters) {}

    /** The cache of plans, for its hit and miss counts. */
    public PlanCache planCache() {
        return cache;
    }

    public Planner(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /** The current catalog version; a plan made against another version must be made again. */
    public long catalogVersion() {
        return catalog.current().version();
    }

    public List<String> split(String queryText) {
        return StatementSplitter.split(queryText);
    }

    public PlannedStatement plan(String sql, SqlType[] declaredParameterTypes) {
        return cache.get(new PlanKey(sql, declaredParameterTypes, catalog.current().version()),
                () -> planUncached(sql, declaredParameterTypes));
    }

    private PlannedStatement planUncached(String sql, SqlType[] declaredParameterTypes) {
        List<Token> tokens = Tokenizer.tokenize(sql);
        Token first = tokens.getFirst();
        if (first.kind() == Token.Kind.SYMBOL && first.text().equals("(")) {
            return relational.plan(sql, declaredParameterTypes, catalog.current());
        }
        if (first.kind() != Token.Kind.WORD) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + first.text() + "\"",
                    null, null, first.position(), null);
        }
        return switch (first.text()) {
            case "select", "insert", "update", "delete", "values", "with", "table" ->
                    relational.plan(sql, declaredParameterTypes, catalog.current());
            case "create" -> DdlParser.parseCreate(sql);
            case "drop" -> DdlParser.parseDrop(sql);
            case "refresh" -> DdlParser.parseRefresh(sql);
            case "truncate" -> TableChangeParser.parseTruncate(sql);
            case "alter" -> ComputeCommandParser.isAlterCompute(sql) ? ComputeCommandParser.parseAlter(sql)
                    : dev.amelie.planner.ddl.RoleParser.isAlterRole(sql) ? dev.amelie.planner.ddl.RoleParser.parseAlter(sql)
                    : TableChangeParser.parseAlter(sql);
            case "grant", "revoke" -> dev.amelie.planner.ddl.GrantParser.parse(sql);
            case "vacuum", "analyze", "analyse" -> TableChangeParser.parseMaintenance(sql);
            case "checkpoint" -> DurabilityCommandParser.parseCheckpoint(sql);
            case "backup" -> DurabilityCommandParser.parseBackup(sql);
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" ->
                    UtilityParser.parseTransactionControl(sql);
            case "set" -> UtilityParser.parseSet(sql);
            case "show" -> ComputeCommandParser.isShowCompute(sql) ? new PlannedStatement.ShowCompute()
                    : UtilityParser.parseShow(sql);
            case "reset" -> UtilityParser.parseReset(sql);
            case "copy" -> new PlannedStatement.Copy(CopyParser.parse(sql));
            case "explain" -> explain(sql, declaredParameterTypes);
            case "declare" -> declareCursor(sql, declaredParameterTypes);
            case "fetch", "move" -> CursorParser.parseFetch(sql);
            case "close" -> CursorParser.parseClose(sql);
            default -> throw notPlannable(first);
        };
    }

    /**
     * Plans a statement of a simple Query: its constants become parameters first, so that it
     * shares a cached plan with every statement of the same shape; when that does not work out
     * the statement is planned as written.
     */
    public SimplePlan planSimple(String sql) {
        return planSimple(sql, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    /**
     * As {@link #planSimple(String)} for a session in this time zone: its timestamptz constants
     * are read in it (the plan, shared by every session, holds none of them).
     */
    public SimplePlan planSimple(String sql, java.time.ZoneId zone) {
        return planSimple(simpleText(sql), zone);
    }

    /**
     * A simple Query's statement as planning it needs: whether it is relational (SELECT,
     * INSERT …, a parenthesized query) and its text with the constants taken out (null when none
     * can be). Made once per statement and used by {@link #parse(SimpleText)},
     * {@link #planSimple(SimpleText, java.time.ZoneId)} and pg_stat_statements' key, each of which
     * would otherwise scan the text again.
     */
    public record SimpleText(String sql, boolean relational, LiteralNormalizer.Normalized normalized) {}

    public SimpleText simpleText(String sql) {
        boolean relational = isRelational(sql);
        return new SimpleText(sql, relational, relational ? LiteralNormalizer.normalize(sql) : null);
    }

    /** As {@link #planSimple(String, java.time.ZoneId)} for a statement read by {@link #simpleText}. */
    public SimplePlan planSimple(SimpleText text, java.time.ZoneId zone) {
        String sql = text.sql();
        LiteralNormalizer.Normalized normalized = text.normalized();
        if (normalized != null) {
            SqlType[] literalTypes = normalized.types();
            PlanKey key = new PlanKey(normalized.text(), literalTypes, catalog.current().version());
            if (!notNormalizable.contains(key)) {
                try {
                    PlannedStatement plan = cache.get(key, () -> planUncached(normalized.text(), literalTypes));
                    Object[] values = ConstantValues.convert(normalized.constants(), plan.parameterTypes(), zone);
                    if (values != null) {
                        return new SimplePlan(plan, values);
                    }
                } catch (SqlException doesNotPlan) {
                    if (notNormalizable.size() > 10_000) {
                        notNormalizable.clear();
                    }
                    notNormalizable.add(key);
                }
            }
        }
        return new SimplePlan(plan(sql, NO_TYPES), new Object[0]);
    }

    /**
     * As {@link #planSimple(String, java.time.ZoneId)} when the plan is cached already, else null:
     * for callers that must not spend Calcite's planning time where they are (an event loop).
     */
    public SimplePlan planSimpleIfCached(SimpleText text, java.time.ZoneId zone) {
        LiteralNormalizer.Normalized normalized = text.normalized();
        if (normalized == null) {
            return null;
        }
        PlannedStatement plan = cache.peek(new PlanKey(normalized.text(), normalized.types(), catalog.current().version()));
        if (plan == null) {
            return null;
        }
        try {
            Object[] values = ConstantValues.convert(normalized.constants(), plan.parameterTypes(), zone);
            return values == null ? null : new SimplePlan(plan, values);
        } catch (SqlException planItAnotherWay) {
            return null;
        }
    }

    /** The table and columns of a COPY, resolved against the current catalog. */
    public CopyTarget copyTarget(CopyStatement copy) {
        return CopyTarget.resolve(copy, catalog.current());
    }
    /** The table (or materialized view) of that name now, or null. */
    public dev.amelie.compute.catalog.TableDef table(PlannedStatement.QualifiedName name) {
        var table = catalog.current().table(name.schema(), name.name());
        return table == null ? null : table.def();
    }

    /**
     * Plans the INSERT that fills a materialized view (the only write it takes). Not cached: it
     * runs once per CREATE or REFRESH, and a cached plan must never let a client's write through.
     */
    public PlannedStatement.Query planFill(String insert) {
        try {
            return dev.amelie.planner.relational.MaterializedViewWrites.filling(
                    () -> relational.plan(insert, NO_TYPES, catalog.current()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Validates a CHECK expression over a table (as it is now) and names it as PostgreSQL would
     * when {@code name} is null: {@code table_column_check} when it reads one column,
     * {@code table_check} otherwise, numbered past the names the schema's constraints use.
     * Returns the constraint; raises 42710 when a constraint of the table has the name already.
     */
    public dev.amelie.compute.catalog.CheckConstraint checkConstraint(dev.amelie.compute.catalog.TableDef def, String name,
                                                                      String expression) {
        var columns = relational.checkColumns(def, expression, catalog.current());
        if (name == null) {
            name = dev.amelie.planner.ddl.ConstraintNames.check(def, columns, catalog.current());
        } else if (dev.amelie.planner.ddl.ConstraintNames.ofTable(def, catalog.current()).contains(name)) {
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \"" + def.name()
                    + "\" already exists");
        }
        return new dev.amelie.compute.catalog.CheckConstraint(name, expression);
    }

    /** The column positions a CHECK expression of the table reads. */
    public java.util.SortedSet<Integer> checkColumns(dev.amelie.compute.catalog.TableDef def, String expression) {
        return relational.checkColumns(def, expression, catalog.current());
    }

    /** A query that returns a row when some row of the table makes {@code expression} FALSE (ADD CHECK validates the rows). */
    public PlannedStatement.Query checkViolations(dev.amelie.compute.catalog.TableDef def, String expression) {
        String sql = "select 1 from \"" + def.schema().replace("\"", "\"\"") + "\".\"" + def.name().replace("\"", "\"\"")
                + "\" where not (" + expression + ") limit 1";
        return relational.plan(sql, NO_TYPES, catalog.current());
    }

    private volatile dev.amelie.planner.catalog.system.CatalogContents contents;

    /**
     * The catalog as pg_catalog and information_schema show it now; one per catalog version,
     * as building it plans every view's query for its column types.
     */
    public dev.amelie.planner.catalog.system.CatalogContents catalogContents() {
        dev.amelie.compute.catalog.Catalog now = catalog.current();
        dev.amelie.planner.catalog.system.CatalogContents known = contents;
        if (known != null && known.catalog() == now) {
            return known;
        }
        known = new dev.amelie.planner.catalog.system.CatalogContents(now, this::viewColumns);
        contents = known;
        return known;
    }

    private List<ColumnDef> viewColumns(dev.amelie.compute.catalog.ViewDef view) {
        List<ColumnDef> columns = new java.util.ArrayList<>();
        try {
            PlannedStatement planned = plan("select * from " + dev.amelie.vm.function.TextFunctions.quoteIdent(view.schema())
                    + "." + dev.amelie.vm.function.TextFunctions.quoteIdent(view.name()), new SqlType[0]);
            for (PlannedStatement.ResultColumn column : planned.columns()) {
                columns.add(viewColumn(column));
            }
        } catch (RuntimeException broken) {
            // A view whose query no longer plans (a table it reads was changed) has no columns to show.
        }
        return columns;
    }

    /** A view's column as a table column of its type would be: typmod back to length, or to precision and scale. */
    private static ColumnDef viewColumn(PlannedStatement.ResultColumn column) {
        int modifier = column.typmod() < 0 ? -1 : column.typmod() - 4;
        if (column.type() == SqlType.NUMERIC && modifier >= 0) {
            return new ColumnDef(column.name(), column.type(), false, null, null, modifier >> 16, modifier & 0xffff,
                    column.character());
        }
        return new ColumnDef(column.name(), column.type(), false, null, null, modifier, -1, column.character());
    }

    /** The catalog as it is now (in the running DDL transaction, with its changes). */
    public dev.amelie.compute.catalog.Catalog catalog() {
        return catalog.current();
    }

    /** Whether the table exists now (in the running transaction's catalog). */
    public boolean tableExists(PlannedStatement.QualifiedName name) {
        return catalog.current().table(name.schema(), name.name()) != null;
    }


    /** The INSERT program for a batch of {@code rows} COPY FROM rows (cached: most batches have the same size). */
    public Program copyBatch(CopyTarget target, int rows) {
        CopyBatchKey key = new CopyBatchKey(target.table().id(), target.catalogVersion(),
                java.util.Arrays.stream(target.positions()).boxed().toList(), rows);
        if (copyBatches.size() > 256) {
            copyBatches.clear();
        }
        return copyBatches.computeIfAbsent(key, k -> CopyLowering.insertBatch(target.table(), target.positions(), rows,
                relational.checks(target.table(), catalog.current())));
    }

    private record CopyBatchKey(long tableId, long catalogVersion, List<Integer> positions, int rows) {}

    private final java.util.Map<CopyBatchKey, Program> copyBatches = new java.util.concurrent.ConcurrentHashMap<>();

    /** The query COPY … TO STDOUT reads: the table's copied columns, or the query in parentheses. */
    public PlannedStatement.Query copyQuery(CopyStatement copy) {
        String sql = copy.query() != null ? copy.query() : copyTarget(copy).selectText();
        if (!(plan(sql, NO_TYPES) instanceof PlannedStatement.Query query)
                || query.program().kind() != Program.StatementKind.SELECT) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY (query) TO supports only SELECT queries");
        }
        return query;
    }

    private static boolean isRelational(String sql) {
        Token first = Tokenizer.first(sql);
        return first.kind() == Token.Kind.SYMBOL && first.text().equals("(")
                || first.kind() == Token.Kind.WORD && RELATIONAL.contains(first.text());
    }

    /**
     * Checks a statement of a simple Query before any of them runs: PostgreSQL parses the whole
     * message first (a syntax error anywhere means nothing runs) but resolves names statement by
     * statement, so a table created by an earlier statement is visible to a later one. Returns
     * the finished plan for statements that need no catalog, or null when the statement must be
     * planned when its turn comes.
     */
    public PlannedStatement parse(String sql) {
        return parse(simpleText(sql));
    }

    /** As {@link #parse(String)} for a statement read by {@link #simpleText}. */
    public PlannedStatement parse(SimpleText text) {
        String sql = text.sql();
        if (text.relational()) {
            // A statement whose shape was planned before parsed fine then: skip the parser.
            LiteralNormalizer.Normalized normalized = text.normalized();
            String shape = normalized == null ? sql : normalized.text();
            if (cache.peek(new PlanKey(shape, normalized == null ? NO_TYPES : normalized.types(), catalog.current().version())) == null) {
                this.relational.checkSyntax(sql);
            }
            return null;
        }
        if (Tokenizer.first(sql).isWord("declare")) {
            // Its query's names resolve when its turn comes, as a SELECT's would.
            CursorParser.Declaration declaration = CursorParser.parseDeclare(sql);
            try {
                this.relational.checkSyntax(declaration.query());
            } catch (SqlException e) {
                throw shifted(e, declaration.queryStart());
            }
            return null;
        }
        return plan(sql, NO_TYPES);
    }

    /**
     * DECLARE … CURSOR FOR query: the query is planned as any SELECT; a cursor reads, so a query
     * that writes is refused as PostgreSQL refuses a data-modifying WITH in it (analyze.c).
     */
    private PlannedStatement declareCursor(String sql, SqlType[] declaredParameterTypes) {
        CursorParser.Declaration declaration = CursorParser.parseDeclare(sql);
        PlannedStatement planned;
        try {
            planned = plan(declaration.query(), declaredParameterTypes);
        } catch (SqlException e) {
            throw shifted(e, declaration.queryStart());
        }
        if (!(planned instanceof PlannedStatement.Query query) || query.program().kind() != Program.StatementKind.SELECT) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "DECLARE CURSOR must not contain data-modifying statements in WITH");
        }
        boolean scroll = declaration.scroll() != null ? declaration.scroll() : BackwardScan.supports(declaration.query());
        return new PlannedStatement.DeclareCursor(declaration.name(), query, scroll, declaration.hold(), declaration.binary());
    }

    /** An error of a statement embedded at {@code offset} (0-based) of another, placed in the outer one. */
    private static SqlException shifted(SqlException e, int offset) {
        if (e.position() <= 0) {
            return e;
        }
        return new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), e.position() + offset, e.context(), e);
    }

    private static final SqlType[] NO_TYPES = new SqlType[0];

    /** EXPLAIN [ANALYZE] [VERBOSE] statement, or EXPLAIN (ANALYZE [true|false], …) statement. */
    private PlannedStatement explain(String sql, SqlType[] declaredParameterTypes) {
        TokenStream in = new TokenStream(sql);
        in.expectWord("explain");
        boolean analyze = false;
        if (in.acceptSymbol("(")) {
            do {
                String option = in.expectIdentifier().toLowerCase(Locale.ROOT);
                boolean on = !in.acceptWord("false") && !in.acceptWord("off");
                in.acceptWord("true");
                in.acceptWord("on");
                if (option.equals("analyze")) {
                    analyze = on;
                }
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        } else {
            analyze = in.acceptWord("analyze") || in.acceptWord("analyse");
            in.acceptWord("verbose");
        }
        int start = in.peek().position();
        String statement = sql.substring(Math.max(0, start - 1));
        PlannedStatement planned = plan(statement, declaredParameterTypes);
        if (!(planned instanceof PlannedStatement.Query query)) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + in.peek().text() + "\"",
                    null, null, start, null);
        }
        return new PlannedStatement.Explain(query,
                dev.amelie.planner.explain.ProgramExplainer.explain(query.program(), catalog.current()), analyze);
    }

    private static final java.util.Set<String> RELATIONAL = java.util.Set.of("select", "insert", "update", "delete", "values", "with", "table");

    /** Statements of PostgreSQL 15's grammar that we do not run yet answer 0A000 naming them; anything else is a syntax error. */
    private static final java.util.Set<String> POSTGRES_STATEMENTS = java.util.Set.of(
            "call", "checkpoint", "cluster", "comment", "deallocate",
            "discard", "do", "execute", "explain", "import", "listen", "load", "lock", "merge",
            "notify", "prepare", "reassign", "refresh", "reindex", "security",
            "unlisten");

    private static SqlException notPlannable(Token first) {
        if (POSTGRES_STATEMENTS.contains(first.text())) {
            return new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    first.text().toUpperCase(Locale.ROOT) + " is not supported yet");
        }
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + first.text() + "\"",
                null, null, first.position(), null);
    }
}

package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.type.SqlType;

import java.util.List;

/**
 * A statement in the shape the protocol session needs, with its plan. A data statement of a
 * simple Query is only syntax-checked up front and planned when its turn comes; any data
 * statement is planned again when the catalog changed since it was planned.
 */
final class PlannedQuery implements QueryEngine.PreparedQuery {
    private final String text;
    private final SqlType[] declaredTypes;
    /** A statement of a simple Query: planned with its constants as parameters. */
    private final boolean simple;
    /** A simple Query statement's text as the planner read it once; null for the extended protocol's. */
    private final Planner.SimpleText simpleText;
    private volatile PlannedStatement planned;
    private volatile Object[] constants = new Object[0];
    /** The text with its constants taken out, as pg_stat_statements counts it; made at first use. */
    private volatile String statsKey;

    PlannedQuery(String text, SqlType[] declaredTypes, PlannedStatement planned, boolean simple) {
        this(text, declaredTypes, planned, simple, null);
    }

    /** A statement of a simple Query, read once by {@link Planner#simpleText}. */
    PlannedQuery(Planner.SimpleText simpleText, PlannedStatement planned) {
        this(simpleText.sql(), new SqlType[0], planned, true, simpleText);
    }

    private PlannedQuery(String text, SqlType[] declaredTypes, PlannedStatement planned, boolean simple,
                         Planner.SimpleText simpleText) {
        this.text = text;
        this.declaredTypes = declaredTypes.clone();
        this.planned = planned;
        this.simple = simple;
        this.simpleText = simpleText;
    }

    @Override
    public String text() {
        return text;
    }

    /** What pg_stat_statements counts this statement under: its text with the constants taken out. */
    String statsKey() {
        String key = statsKey;
        if (key == null) {
            dev.amelie.planner.sql.LiteralNormalizer.Normalized normalized = simpleText != null && simpleText.relational()
                    ? simpleText.normalized() : dev.amelie.planner.sql.LiteralNormalizer.normalize(text);
            key = normalized == null ? text : normalized.text();
            statsKey = key;
        }
        return key;
    }

    /**
     * The plan valid for the current catalog, planning (again) if needed; a simple Query's
     * timestamptz constants are read in {@code zone}, the session's TimeZone for the statement.
     */
    PlannedStatement planFor(Planner planner, java.time.ZoneId zone) {
        PlannedStatement current = planned;
        if (current == null || current instanceof PlannedStatement.Query query && query.catalogVersion() != planner.catalogVersion()
                || current instanceof PlannedStatement.DeclareCursor declare
                && declare.query().catalogVersion() != planner.catalogVersion()) {
            if (simple) {
                Planner.SimplePlan plan = simpleText != null ? planner.planSimple(simpleText, zone) : planner.planSimple(text, zone);
                constants = plan.parameters();
                current = plan.plan();
            } else {
                current = planner.plan(text, declaredTypes);
            }
            planned = current;
        }
        return current;
    }

    /**
     * The plan valid for the current catalog if it can be had without planning: the one made so
     * far, or for a simple Query's statement the plan cache's; else null.
     */
    PlannedStatement plannedWithoutPlanning(Planner planner, java.time.ZoneId zone) {
        PlannedStatement current = planned;
        if (current instanceof PlannedStatement.Query query) {
            return query.catalogVersion() == planner.catalogVersion() ? current : null;
        }
        if (current != null || !simple) {
            return current;
        }
        Planner.SimplePlan plan = planner.planSimpleIfCached(simpleText != null ? simpleText : planner.simpleText(text), zone);
        if (plan == null) {
            return null;
        }
        constants = plan.parameters();
        planned = plan.plan();
        return planned;
    }

    /** The parameters to run with: the bound ones, or for a simple-Query statement its constants. */
    Object[] parameters(Object[] bound) {
        return simple ? constants : bound;
    }

    @Override
    public boolean planned() {
        return planned != null;
    }

    /** The plan made so far, or null for a data statement not planned yet. */
    PlannedStatement plannedSoFar() {
        return planned;
    }

    @Override
    public SqlType[] parameterTypes() {
        PlannedStatement current = planned;
        // Not planned yet: a simple Query's statement has none, an extended one those declared.
        return current == null ? simple ? new SqlType[0] : declaredTypes.clone() : current.parameterTypes();
    }

    /** The columns described for a plan, kept while the plan is current (every Bind and Describe asks). */
    private record ColumnsOf(PlannedStatement planned, List<QueryEngine.ResultColumn> columns) {}

    private volatile ColumnsOf columnsOf;

    @Override
    public List<QueryEngine.ResultColumn> columns() {
        PlannedStatement current = planned;
        if (current == null) {
            return List.of();
        }
        ColumnsOf described = columnsOf;
        if (described == null || described.planned() != current) {
            described = new ColumnsOf(current, WireColumns.of(current.columns()));
            columnsOf = described; // racing threads compute the same list
        }
        return described.columns();
    }

    @Override
    public boolean changesCatalog() {
        return planned instanceof PlannedStatement.CreateTable || planned instanceof PlannedStatement.DropTable
                || planned instanceof PlannedStatement.CreateView || planned instanceof PlannedStatement.DropView
                || planned instanceof PlannedStatement.Truncate || planned instanceof PlannedStatement.AddPrimaryKey
                || planned instanceof PlannedStatement.CreateSequence || planned instanceof PlannedStatement.DropSequence
                || planned instanceof PlannedStatement.CreateIndex || planned instanceof PlannedStatement.DropIndex
                || planned instanceof PlannedStatement.CreateSchema || planned instanceof PlannedStatement.DropSchema
                || planned instanceof PlannedStatement.CreateTableAs || planned instanceof PlannedStatement.RefreshMaterializedView
                || planned instanceof PlannedStatement.DropMaterializedView || planned instanceof PlannedStatement.AddColumn
                || planned instanceof PlannedStatement.AlterTable || planned instanceof PlannedStatement.DeclareCursor
                || planned instanceof PlannedStatement.CreateRole || planned instanceof PlannedStatement.AlterRole
                || planned instanceof PlannedStatement.RenameRole || planned instanceof PlannedStatement.DropRole
                || planned instanceof PlannedStatement.Grant;
    }

    @Override
    public String fetchCursor() {
        return planned instanceof PlannedStatement.FetchCursor fetch && !fetch.move() ? fetch.name() : null;
    }

    @Override
    public dev.amelie.planner.copy.CopyStatement copy() {
        return planned instanceof PlannedStatement.Copy copy ? copy.statement() : null;
    }

    @Override
    public QueryEngine.SessionCommand sessionCommand() {
        return switch (planned) {
            case PlannedStatement.SetParameter set -> new QueryEngine.SessionCommand.Set(set.name(), set.value(), set.local());
            case PlannedStatement.ShowParameter show -> new QueryEngine.SessionCommand.Show(show.name());
            case PlannedStatement.ResetParameter reset -> new QueryEngine.SessionCommand.Reset(reset.name());
            case null, default -> null;
        };
    }
}

package dev.amelie.planner;

import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.program.Program;

import java.util.List;

/**
 * What a write must do for foreign keys once its program ran, in the same transaction (see
 * pgwire's ForeignKeyEnforcement), planned with the statement so that a write to a table
 * without foreign keys carries nothing. {@code checked}: the constraints of the written table
 * whose columns it writes (INSERT: all; UPDATE: those whose columns it sets), checked against
 * the rows it wrote. {@code referencing}: the constraints of other tables (or its own) that
 * reference the columns it deletes or changes, with the table that holds each. {@code proposed}:
 * the written rows are those an INSERT … ON CONFLICT proposed, some of which it may not have
 * stored (DO NOTHING) or stored otherwise (DO UPDATE): a key found missing counts only when the
 * table holds the proposed row (by its primary key) with that key. {@code checkedWhole}: constraints
 * of the written table checked over all its rows, for writes whose new values are not at hand
 * (the SET list of ON CONFLICT DO UPDATE). The references of an UPDATE (and an upsert) are
 * checked over the whole referencing table too: no row may reference a key that is gone.
 */
public record ForeignKeySteps(Program.StatementKind kind, TableDef table, List<ForeignKey> checked,
                              List<Referencing> referencing, boolean proposed, List<ForeignKey> checkedWhole) {

    public ForeignKeySteps(Program.StatementKind kind, TableDef table, List<ForeignKey> checked, List<Referencing> referencing) {
        this(kind, table, checked, referencing, false, List.of());
    }

    /** The steps of rows inserted into {@code table} (COPY FROM), null when it has no foreign keys. */
    public static ForeignKeySteps ofInsert(TableDef table) {
        return table.foreignKeys().isEmpty() ? null
                : new ForeignKeySteps(Program.StatementKind.INSERT, table, table.foreignKeys(), List.of());
    }

    /** A constraint that references the written table, and the table that holds it (as planned). */
    public record Referencing(TableDef table, ForeignKey key) {}

    public ForeignKeySteps {
        checked = List.copyOf(checked);
        referencing = List.copyOf(referencing);
        checkedWhole = List.copyOf(checkedWhole);
    }
}

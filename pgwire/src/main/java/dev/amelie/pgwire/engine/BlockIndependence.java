package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.engine.EngineConnection.ShownStatement;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.program.Program;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the statements of a message can run without replaying the open block before them:
 * when none of them reads a table any statement of the block writes, what they show is the same
 * with or without the block's writes, so the replay would only repeat work (ARCHITECTURE.md:
 * "optimizing away repeated prefixes is allowed when it keeps these outcomes"). COMMIT still
 * replays everything and checks every statement, so conflicts are still caught, only later.
 *
 * <p>In pgbench's TPC-B transaction this spares the replays before the tellers, branches and
 * history statements: they touch none of the tables written before them.
 */
final class BlockIndependence {
    private BlockIndependence() {}

    static boolean holds(Planner planner, List<ShownStatement> block, List<BoundStatement> statements,
                         java.time.ZoneId zone) {
        try {
            Set<Long> written = new HashSet<>();
            for (ShownStatement shown : block) {
                Program program = program(planner, shown.statement(), shown.zone());
                if (program == null) {
                    return false;
                }
                writes(program, written);
            }
            for (BoundStatement statement : statements) {
                if (readsOnlyCursor(statement)) {
                    continue;
                }
                Program program = program(planner, statement, zone);
                if (program == null || readsAny(program, written)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    /**
     * The data statement's program (a DECLARE's: its query); null for anything else (DDL, COPY,
     * transaction control …).
     */
    private static Program program(Planner planner, BoundStatement statement, java.time.ZoneId zone) {
        PlannedQuery query = (PlannedQuery) statement.query();
        if (query.plannedSoFar() instanceof PlannedStatement.TransactionControl) {
            return null;
        }
        return switch (query.planFor(planner, zone)) {
            // A write with foreign-key steps reads (and may write) other tables too: not independent.
            case PlannedStatement.Query q -> q.foreignKeys() == null ? q.program() : null;
            case PlannedStatement.DeclareCursor declare -> declare.query().program();
            default -> null;
        };
    }

    /**
     * FETCH, MOVE and CLOSE read the rows their cursor took at DECLARE, never a table: the block's
     * writes cannot change what they show (the DECLARE itself is replayed and checked at COMMIT).
     */
    private static boolean readsOnlyCursor(BoundStatement statement) {
        PlannedStatement planned = ((PlannedQuery) statement.query()).plannedSoFar();
        return planned instanceof PlannedStatement.FetchCursor || planned instanceof PlannedStatement.CloseCursor;
    }

    private static void writes(Program program, Set<Long> written) {
        if (program.kind() != Program.StatementKind.SELECT) {
            written.add(program.tableId());
        }
    }

    /** Its table (an INSERT reads it too: keys must be unique) and the tables of its sources. */
    private static boolean readsAny(Program program, Set<Long> tables) {
        if (program.routing() != Program.Routing.NONE && tables.contains(program.tableId())) {
            return true;
        }
        for (Program source : program.sources()) {
            if (readsAny(source, tables)) {
                return true;
            }
        }
        return false;
    }
}

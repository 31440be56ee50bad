package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

import java.util.concurrent.Callable;

/**
 * A materialized view changes only by being filled (CREATE, REFRESH); an INSERT, UPDATE or
 * DELETE naming it is refused with 42809 as in PostgreSQL.
 */
public final class MaterializedViewWrites {
    private static final ScopedValue<Boolean> FILLING = ScopedValue.newInstance();

    private MaterializedViewWrites() {}

    /** Plans the statement that fills a materialized view: the one write it may take. */
    public static <T> T filling(Callable<T> planning) throws Exception {
        return ScopedValue.where(FILLING, Boolean.TRUE).call(planning::call);
    }

    static void check(RelNode rel) {
        if (rel instanceof TableModify modify && !FILLING.isBound()) {
            CalciteTable table = modify.getTable().unwrap(CalciteTable.class);
            if (table != null && table.def().isMaterializedView()) {
                throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "cannot change materialized view \"" + table.def().name() + "\"");
            }
        }
    }
}

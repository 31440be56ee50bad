package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * generate_subscripts in a select list and information_schema._pg_expandarray, the record of
 * each element and its position that pgjdbc's DatabaseMetaData reads from pg_index.indkey.
 * Every expected answer (rows, column names, errors) is PostgreSQL 15's for the same statement.
 */
class ExpandArrayTest {
    private final Planner planner = new Planner(new CatalogStore());
    private final ProgramRunner runner = new ProgramRunner(Map.of());

    private String run(String sql) {
        PlannedStatement.Query query = (PlannedStatement.Query) planner.plan(sql, new SqlType[0]);
        return runner.run(query.program()).stream().map(Arrays::toString).collect(Collectors.joining(" "));
    }

    private List<String> columns(String sql) {
        return planner.plan(sql, new SqlType[0]).columns().stream().map(PlannedStatement.ResultColumn::name).toList();
    }

    @Test
    void generateSubscriptsGivesThePositionsOfTheFirstDimension() {
        assertEquals("[1] [2] [3]", run("select generate_subscripts(array[10,20,30], 1)"));
        assertEquals("", run("select generate_subscripts(array[1,2], 2)"));
        assertEquals("", run("select generate_subscripts(null::int[], 1)"));
    }

    @Test
    void generateSubscriptsRunsInLockstepWithUnnestTheShorterGivingNull() {
        assertEquals("[a, 1] [b, 2] [c, null]", run("select unnest(array['a','b','c']) u, generate_subscripts(array[7,8], 1) s"));
    }

    @Test
    void fieldsOfOneExpandedArrayStayOnOneRowAndAreNamedAfterTheField() {
        String sql = "select (information_schema._pg_expandarray(array[7,5])).n, (information_schema._pg_expandarray(array[7,5])).x";
        assertEquals("[1, 7] [2, 5]", run(sql));
        assertEquals(List.of("n", "x"), columns(sql));
    }

    @Test
    void recordInASubqueryIsReadByItsFieldsAbove() {
        String sql = "select (s.keys).x, (s.keys).n from (select information_schema._pg_expandarray(array[7,5]) as keys) s"
                + " where (s.keys).n > 1";
        assertEquals("[5, 2]", run(sql));
        assertEquals(List.of("x", "n"), columns(sql));
    }

    @Test
    void unknownFieldIs42703() {
        SqlException e = assertThrows(SqlException.class, () -> run("select (information_schema._pg_expandarray(array[1])).y"));
        assertEquals(SqlState.UNDEFINED_COLUMN, e.state());
        assertEquals("could not identify column \"y\" in record data type", e.getMessage());
    }
}

package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.Planner;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.Values;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PostgreSQL's functions planned and run: the signature the argument types choose, the casts to
 * it, and the result type. Over {@code t (a int primary key, b text)} holding (1, 'Hello'),
 * (2, NULL). Every expected answer is what PostgreSQL 15 returns for the same statement.
 */
class FunctionLoweringTest {
    private static final TableDef T = new TableDef(1, "public", "t",
            List.of(new ColumnDef("a", SqlType.INTEGER, true), new ColumnDef("b", SqlType.TEXT, false)), new int[] {0});

    private Planner planner;
    private ProgramRunner runner;

    @BeforeEach
    void oneTable() {
        CatalogStore catalog = new CatalogStore();
        catalog.update(c -> c.withTable(new Table(T)));
        planner = new Planner(catalog);
        runner = new ProgramRunner(Map.of(1L, List.of(new Object[] {1, "Hello"}, new Object[] {2, null})));
    }

    @Test
    void theArgumentTypesChooseFloatOrNumeric() {
        assertEquals("1.4142135623730951 | 1.414213562373095 | 11.313708498984760 | 3 | 2", row(
                "select sqrt(2), sqrt(2.0), power(2, 3.5), round(2.5), round(2.5::float8)"));
        assertEquals(List.of(SqlType.DOUBLE, SqlType.NUMERIC, SqlType.NUMERIC, SqlType.NUMERIC, SqlType.DOUBLE),
                types("select sqrt(2), sqrt(2.0), power(2, 3.5), round(2.5), round(2.5::float8)"));
    }

    @Test
    void typeNamesAreKnownWhenPlanning() {
        assertEquals("integer | numeric | unknown | double precision | unknown | text", row(
                "select pg_typeof(1), pg_typeof(1.5), pg_typeof('a'), pg_typeof(sqrt(2)), pg_typeof(null), pg_typeof(concat(1))"));
    }

    @Test
    void sqlSyntaxFunctionsAreLoweredByKind() {
        assertEquals("a | 3 | ell | Thomas | 3 | a1t | 2.5", row("select trim(both 'x' from 'xxaxx'), position('l' in 'hello'), "
                + "substring('hello' from 2 for 3), overlay('Txxxxas' placing 'hom' from 2 for 4), ceil(2.1), concat('a', 1, null, true), "
                + "greatest(1, 2.5, null)"));
        assertEquals(List.of("btrim", "position", "substring", "overlay", "ceil", "concat", "greatest"), names(
                "select trim(both 'x' from 'xxaxx'), position('l' in 'hello'), substring('hello' from 2 for 3), "
                        + "overlay('Txxxxas' placing 'hom' from 2 for 4), ceil(2.1), concat('a', 1, null, true), greatest(1, 2.5, null)"));
    }

    @Test
    void columnsAndNulls() {
        assertEquals("1 | He_lo | 5 | hello || 2 | null | null | null", rows(
                "select a, regexp_replace(b, 'l', '_'), length(b), lower(b) from t order by a"));
    }

    @Test
    void aParameterTakesTheTypeAllSignaturesAgreeOn() {
        PlannedStatement.Query sind = query("select sind($1)");
        assertEquals(List.of(SqlType.DOUBLE), List.of(sind.parameterTypes()));
        // sqrt has a float and a numeric signature: an untyped parameter is left for the caller,
        // so that a simple query's constant is planned as written (sqrt(2.0) stays numeric).
        assertThrows(SqlException.class, () -> query("select sqrt($1)"));
    }

    @Test
    void noSignatureForTheArgumentTypes() {
        SqlException e = assertThrows(SqlException.class, () -> query("select sqrt(b) from t"));
        assertEquals(SqlState.UNDEFINED_FUNCTION, e.state());
        assertEquals("function sqrt(text) does not exist", e.getMessage());
        assertEquals("function repeat(unknown, numeric) does not exist",
                assertThrows(SqlException.class, () -> query("select repeat('x', 2.5)")).getMessage());
    }

    private String row(String sql) {
        return rows(sql);
    }

    private String rows(String sql) {
        return runner.run(query(sql).program()).stream()
                .map(row -> Stream.of(row).map(v -> v == null ? "null" : Values.toText(v, java.time.ZoneOffset.UTC)).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining(" || "));
    }

    private List<SqlType> types(String sql) {
        return query(sql).columns().stream().map(PlannedStatement.ResultColumn::type).toList();
    }

    private List<String> names(String sql) {
        return query(sql).columns().stream().map(PlannedStatement.ResultColumn::name).toList();
    }

    private PlannedStatement.Query query(String sql) {
        return (PlannedStatement.Query) planner.plan(sql, new SqlType[0]);
    }
}

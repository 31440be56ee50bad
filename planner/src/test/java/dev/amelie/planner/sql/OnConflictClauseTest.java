package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnConflictClauseTest {

    @Test
    void anInsertWithoutTheClauseIsLeftAlone() {
        String sql = "insert into t select a from u join v on u.id = v.id";
        OnConflictClause.Split split = OnConflictClause.split(sql);
        assertEquals(sql, split.statement());
        assertNull(split.conflict());
    }

    @Test
    void doNothingWithAndWithoutTarget() {
        OnConflictClause.Split split = OnConflictClause.split("insert into t values (1) on conflict do nothing");
        assertEquals("insert into t values (1) ", split.statement());
        assertFalse(split.conflict().doUpdate());
        assertTrue(split.conflict().targetColumns().isEmpty());

        split = OnConflictClause.split("insert into t values (1) ON CONFLICT (a, \"B\") DO NOTHING;");
        assertEquals(List.of("a", "B"), split.conflict().targetColumns());
        split = OnConflictClause.split("insert into t values (1) on conflict on constraint t_pkey do nothing");
        assertEquals("t_pkey", split.conflict().constraint());
    }

    @Test
    void doUpdateKeepsExpressionsAndWhereWithTheirPositions() {
        String sql = "insert into t values (1, 'x') on conflict (k) do update set v = coalesce(excluded.v, 'a,b'), n = f(1, 2) where t.n < 3";
        OnConflictClause.Conflict conflict = OnConflictClause.split(sql).conflict();
        assertTrue(conflict.doUpdate());
        assertEquals(2, conflict.assignments().size());
        OnConflictClause.Assignment first = conflict.assignments().get(0);
        assertEquals("v", first.column());
        assertEquals("coalesce(excluded.v, 'a,b')", first.value().text());
        assertEquals(sql.indexOf("coalesce"), first.value().position());
        assertEquals("f(1, 2)", conflict.assignments().get(1).value().text());
        assertEquals("t.n < 3", conflict.where().text());
        assertEquals(sql.indexOf("t.n <"), conflict.where().position());
    }

    @Test
    void doUpdateNeedsATarget() {
        SqlException e = assertThrows(SqlException.class,
                () -> OnConflictClause.split("insert into t values (1) on conflict do update set v = 1"));
        assertEquals("42601", e.state().code());
    }

    @Test
    void garbageAfterTheActionIsASyntaxError() {
        assertThrows(SqlException.class, () -> OnConflictClause.split("insert into t values (1) on conflict do nothing more"));
        assertThrows(SqlException.class, () -> OnConflictClause.split("insert into t values (1) on conflict (k) do update set v ="));
    }
}

package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors (SQLSTATE and message) are PostgreSQL 15.18's for the same CREATE/DROP TABLE. */
class DdlParserTest {

    @Test
    void schemasAndTablesFromQueriesParse() {
        assertEquals(new PlannedStatement.CreateSchema("s", true), DdlParser.parseCreate("create schema if not exists s authorization amelie"));
        assertEquals(new PlannedStatement.DropSchema(List.of("a", "b"), true, true), DdlParser.parseDrop("drop schema if exists a, b cascade"));
        assertEquals("other", create("create table other.x (a int)").schema());
        assertEquals(new PlannedStatement.CreateTableAs("public", "x", List.of("k", "v"), "select 1, 2", false, false, false),
                DdlParser.parseCreate("create table x (k, v) as select 1, 2 with no data"));
        assertEquals(new PlannedStatement.CreateTableAs("s", "mv", List.of(), "select a from t", true, true, true),
                DdlParser.parseCreate("create materialized view if not exists s.mv as select a from t;"));
        assertEquals(new PlannedStatement.RefreshMaterializedView(new PlannedStatement.QualifiedName("public", "mv"), false),
                DdlParser.parseRefresh("refresh materialized view concurrently mv with no data"));
        assertInstanceOf(PlannedStatement.DropMaterializedView.class, DdlParser.parseDrop("drop materialized view if exists mv"));
    }

    @Test
    void columnPrimaryKeyIsNotNullAndOthersNullable() {
        PlannedStatement.CreateTable create = create("create table t (a int primary key, b text)");
        assertEquals("public", create.schema());
        assertEquals("t", create.name());
        assertEquals(List.of(new ColumnDef("a", SqlType.INTEGER, true), new ColumnDef("b", SqlType.TEXT, false)), create.columnDefs());
        assertArrayEquals(new int[] {0}, create.primaryKey());
        assertFalse(create.ifNotExists());
    }

    /** The key lists columns in the constraint's order, which need not be the table's. */
    @Test
    void tablePrimaryKeyMayBeCompositeAndNamed() {
        PlannedStatement.CreateTable create = create(
                "CREATE TABLE IF NOT EXISTS public.Orders (id bigint, region text NOT NULL, note varchar(20) NULL, "
                        + "CONSTRAINT orders_pk PRIMARY KEY (region, id)) WITH (fillfactor=100)");
        assertTrue(create.ifNotExists());
        assertEquals("orders", create.name());
        assertArrayEquals(new int[] {1, 0}, create.primaryKey());
        assertEquals(List.of(new ColumnDef("id", SqlType.BIGINT, true), new ColumnDef("region", SqlType.TEXT, true),
                new ColumnDef("note", SqlType.TEXT, false, null, null, 20, -1, dev.amelie.vm.type.CharacterType.VARCHAR)),
                create.columnDefs());
    }

    /** char alone is char(1), bpchar alone has no length, character varying is varchar (PostgreSQL 15). */
    @Test
    void characterTypesKeepTheirKindAndLength() {
        List<ColumnDef> columns = create("create table t (a char, b bpchar, c character varying(3), d character(4), e varchar)")
                .columnDefs();
        assertEquals(List.of(dev.amelie.vm.type.CharacterType.BPCHAR, dev.amelie.vm.type.CharacterType.BPCHAR,
                        dev.amelie.vm.type.CharacterType.VARCHAR, dev.amelie.vm.type.CharacterType.BPCHAR,
                        dev.amelie.vm.type.CharacterType.VARCHAR),
                columns.stream().map(ColumnDef::character).toList());
        assertEquals(List.of(1, -1, 3, 4, -1), columns.stream().map(ColumnDef::precision).toList());
    }

    @Test
    void tableWithoutKeyHasAnEmptyKey() {
        assertEquals(0, create("create table log (line text)").primaryKey().length);
    }

    @Test
    void quotedNamesKeepTheirCaseAndUnquotedOnesFold() {
        PlannedStatement.CreateTable create = create("create table \"Mixed\" (\"Id\" int, Other int)");
        assertEquals("Mixed", create.name());
        assertEquals(List.of("Id", "other"), create.columnDefs().stream().map(ColumnDef::name).toList());
    }

    @Test
    void postgresTypeSpellingsMapToOurTypes() {
        PlannedStatement.CreateTable create = create("create table t (a int4, b int8, c smallint, d double precision, "
                + "e float8, f real, g numeric(10, 2), h decimal, i character varying(5), j char(3), k boolean, l bool, m integer)");
        assertEquals(List.of(SqlType.INTEGER, SqlType.BIGINT, SqlType.SMALLINT, SqlType.DOUBLE, SqlType.DOUBLE, SqlType.REAL,
                        SqlType.NUMERIC, SqlType.NUMERIC, SqlType.TEXT, SqlType.TEXT, SqlType.BOOLEAN, SqlType.BOOLEAN, SqlType.INTEGER),
                create.columnDefs().stream().map(ColumnDef::type).toList());
    }

    @Test
    void duplicateColumnRaises42701() {
        SqlException e = error("create table d1 (a int, A int)");
        assertEquals(SqlState.DUPLICATE_COLUMN, e.state());
        assertEquals("column \"a\" specified more than once", e.getMessage());
    }

    @Test
    void twoPrimaryKeysRaise42P16() {
        for (String sql : new String[] {"create table d2 (a int primary key, b int primary key)",
                "create table d2 (a int primary key, b int, primary key (b))",
                "create table d2 (a int, b int, primary key (a), primary key (b))"}) {
            SqlException e = error(sql);
            assertEquals(SqlState.INVALID_TABLE_DEFINITION, e.state(), sql);
            assertEquals("multiple primary keys for table \"d2\" are not allowed", e.getMessage());
        }
    }

    @Test
    void unknownTypeRaises42704() {
        SqlException e = error("create table d4 (a foo)");
        assertEquals(SqlState.UNDEFINED_OBJECT, e.state());
        assertEquals("type \"foo\" does not exist", e.getMessage());
    }

    @Test
    void keyNamingAMissingColumnRaises42703() {
        SqlException e = error("create table d6 (a int, primary key (z))");
        assertEquals(SqlState.UNDEFINED_COLUMN, e.state());
        assertEquals("column \"z\" named in key does not exist", e.getMessage());
    }

    /** PostgreSQL: {@code primary key (a, a)} → 42701 column "a" appears twice in primary key constraint. */
    @Test
    void columnTwiceInKeyRaises42701() {
        SqlException e = error("create table d5 (a int, b int, primary key (a, a))");
        assertEquals(SqlState.DUPLICATE_COLUMN, e.state());
        assertEquals("column \"a\" appears twice in primary key constraint", e.getMessage());
    }

    @Test
    void defaultsKeepTheirTextAndSerialsOwnASequence() {
        PlannedStatement.CreateTable t = (PlannedStatement.CreateTable) DdlParser.parseCreate(
                "create table t (id bigserial primary key, n int default (1 + 2) * 3 not null, s text default null,"
                        + " d date default current_date, k int generated by default as identity)");
        List<ColumnDef> columns = t.columnDefs();
        assertEquals(new ColumnDef("id", SqlType.BIGINT, true, "nextval('t_id_seq')", "t_id_seq"), columns.get(0));
        assertEquals(new ColumnDef("n", SqlType.INTEGER, true, "(1 + 2) * 3", null), columns.get(1));
        assertEquals(new ColumnDef("s", SqlType.TEXT, false, "null", null), columns.get(2));
        assertEquals("current_date", columns.get(3).defaultSql());
        assertEquals("t_k_seq", columns.get(4).ownedSequence());
        assertEquals(List.of("t_id_seq", "t_k_seq"), t.sequences().stream().map(PlannedStatement.CreateSequence::name).toList());
        assertEquals(Long.MAX_VALUE, t.sequences().get(0).maxValue());
        assertEquals(Integer.MAX_VALUE, t.sequences().get(1).maxValue());
    }

    @Test
    void unsupportedTableFeaturesRaise0A000() {
        for (String sql : new String[] {"create temporary table x (a int)",
                "create table x (a int[][])", "create index i on t (lower(a))",
                "create index i on t (a) where a > 0", "create index i on t using gin (a)"}) {
            assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error(sql).state(), sql);
        }
    }

    @Test
    void createSyntaxErrorPointsAtTheToken() {
        SqlException e = error("create table t (a int,)");
        assertEquals(SqlState.SYNTAX_ERROR, e.state());
        assertEquals("syntax error at or near \")\"", e.getMessage());
        assertEquals(23, e.position());
    }

    @Test
    void dropTableTakesSeveralNamesIfExistsAndCascade() {
        PlannedStatement.DropTable drop = assertInstanceOf(PlannedStatement.DropTable.class,
                DdlParser.parseDrop("DROP TABLE IF EXISTS a, public.B CASCADE"));
        assertTrue(drop.ifExists());
        assertEquals(List.of(new PlannedStatement.QualifiedName("public", "a"), new PlannedStatement.QualifiedName("public", "b")),
                drop.names());

        PlannedStatement.DropTable plain = assertInstanceOf(PlannedStatement.DropTable.class, DdlParser.parseDrop("drop table \"A\" restrict"));
        assertFalse(plain.ifExists());
        assertEquals(List.of(new PlannedStatement.QualifiedName("public", "A")), plain.names());
    }

    @Test
    void dropOfOtherObjectsOrTrailingWordsIsRejected() {
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, assertThrows(SqlException.class, () -> DdlParser.parseDrop("drop type i")).state());
        assertInstanceOf(PlannedStatement.DropIndex.class, DdlParser.parseDrop("drop index concurrently if exists i, public.j cascade"));
        PlannedStatement.CreateIndex index = assertInstanceOf(PlannedStatement.CreateIndex.class,
                DdlParser.parseCreate("create unique index if not exists i on only t using btree (a desc nulls last, b)"));
        assertEquals(List.of("a", "b"), index.indexColumns());
        assertTrue(index.unique() && index.ifNotExists());
        assertEquals(SqlState.SYNTAX_ERROR, assertThrows(SqlException.class, () -> DdlParser.parseDrop("drop table a b")).state());
    }

    private static PlannedStatement.CreateTable create(String sql) {
        return assertInstanceOf(PlannedStatement.CreateTable.class, DdlParser.parseCreate(sql));
    }

    private static SqlException error(String sql) {
        return assertThrows(SqlException.class, () -> DdlParser.parseCreate(sql));
    }
}

package dev.amelie.compute.log;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCodecTest {

    @Test
    void everyChangeKindRoundTripsInOrder() {
        List<ColumnDef> columns = List.of(
                new ColumnDef("id", SqlType.BIGINT, true),
                new ColumnDef("Name", SqlType.TEXT, false),
                new ColumnDef("price", SqlType.NUMERIC, true),
                new ColumnDef("ok", SqlType.BOOLEAN, false),
                new ColumnDef("ratio", SqlType.DOUBLE, false),
                new ColumnDef("small", SqlType.SMALLINT, false),
                new ColumnDef("n", SqlType.INTEGER, false));
        TableDef def = new TableDef(7, "public", "prices", columns, new int[] {2, 0});
        List<Change> changes = List.of(
                new Change.CreateTable(def),
                new Change.Insert(7, new Object[] {1L, "ü", new BigDecimal("9.90"), true, -0.0, (short) 3, null}),
                new Change.Update(7, new Object[] {new BigDecimal("9.90"), 1L}, new Object[] {1L, null, new BigDecimal("10"), false, 1.5, (short) 3, 4}),
                new Change.Delete(7, new Object[] {new BigDecimal("10"), 1L}),
                new Change.DropTable(7),
                new Change.CreateSchema("Sales"),
                new Change.AddColumn(7, new ColumnDef("note", SqlType.TEXT, true, "'x'", null, 5, -1,
                        dev.amelie.vm.type.CharacterType.VARCHAR), "x"),
                new Change.DropSchema("Sales"));

        List<Change> back = ChangeCodec.decode(ChangeCodec.encode(changes));

        assertEquals(changes.size(), back.size());
        TableDef decoded = assertInstanceOf(Change.CreateTable.class, back.get(0)).def();
        assertEquals(7, decoded.id());
        assertEquals("public", decoded.schema());
        assertEquals("prices", decoded.name());
        assertEquals(columns, decoded.columns());
        assertArrayEquals(new int[] {2, 0}, decoded.primaryKey());

        Change.Insert insert = assertInstanceOf(Change.Insert.class, back.get(1));
        assertEquals(7, insert.tableId());
        assertArrayEquals(((Change.Insert) changes.get(1)).row(), insert.row());

        Change.Update update = assertInstanceOf(Change.Update.class, back.get(2));
        assertEquals(7, update.tableId());
        assertArrayEquals(((Change.Update) changes.get(2)).oldKey(), update.oldKey());
        assertArrayEquals(((Change.Update) changes.get(2)).row(), update.row());

        Change.Delete delete = assertInstanceOf(Change.Delete.class, back.get(3));
        assertEquals(7, delete.tableId());
        assertArrayEquals(((Change.Delete) changes.get(3)).key(), delete.key());

        assertEquals(new Change.DropTable(7), back.get(4));
        assertEquals(changes.subList(5, 8), back.subList(5, 8));
    }

    @Test
    void checkConstraintsAndRedefinitionsAndDroppedColumnsRoundTrip() {
        TableDef def = new TableDef(9, "s", "t", List.of(new ColumnDef("a", SqlType.INTEGER, true, "5", null),
                new ColumnDef("b", SqlType.TEXT, false)), new int[] {0}, null,
                List.of(new dev.amelie.compute.catalog.CheckConstraint("t_a_check", "a > 0"),
                        new dev.amelie.compute.catalog.CheckConstraint("t_check", "a < length(\"b\")")));
        List<Change> back = ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def),
                new Change.TableDefinition(def.withName("u")), new Change.DropColumn(9, 1))));
        TableDef created = assertInstanceOf(Change.CreateTable.class, back.get(0)).def();
        assertEquals(def.checks(), created.checks());
        assertEquals(def.columns(), created.columns());
        assertArrayEquals(new int[] {0}, created.primaryKey());
        TableDef redefined = assertInstanceOf(Change.TableDefinition.class, back.get(1)).def();
        assertEquals("u", redefined.name());
        assertEquals(def.checks(), redefined.checks());
        assertEquals(new Change.DropColumn(9, 1), back.get(2));
    }

    @Test
    void foreignKeysRoundTripWithTheirChecksAndActions() {
        var key = new dev.amelie.compute.catalog.ForeignKey("t_b_a_fkey", new int[] {1, 0}, 4, new int[] {2, 3},
                dev.amelie.compute.catalog.ForeignKey.Action.CASCADE, dev.amelie.compute.catalog.ForeignKey.Action.RESTRICT);
        TableDef def = new TableDef(9, "s", "t", List.of(new ColumnDef("a", SqlType.INTEGER, true),
                new ColumnDef("b", SqlType.TEXT, false)), new int[] {0}, null,
                List.of(new dev.amelie.compute.catalog.CheckConstraint("t_a_check", "a > 0")), List.of(key));
        List<Change> back = ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def),
                new Change.TableDefinition(def.withName("u")), new Change.TableDefinition(def.withForeignKeys(List.of())))));
        TableDef created = assertInstanceOf(Change.CreateTable.class, back.get(0)).def();
        assertEquals(List.of(key), created.foreignKeys());
        assertEquals(def.checks(), created.checks());
        TableDef redefined = assertInstanceOf(Change.TableDefinition.class, back.get(1)).def();
        assertEquals("u", redefined.name());
        assertEquals(List.of(key), redefined.foreignKeys());
        assertEquals(List.of(), assertInstanceOf(Change.TableDefinition.class, back.get(2)).def().foreignKeys());
    }

    @Test
    void materializedViewKeepsItsQuery() {
        TableDef def = new TableDef(3, "s", "mv", List.of(new ColumnDef("c", SqlType.BIGINT, false)), new int[0],
                "select count(*) as c from t");
        TableDef back = ((Change.CreateTable) ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def)))).getFirst()).def();
        assertEquals("select count(*) as c from t", back.materializedQuery());
        assertEquals(def.columns(), back.columns());
        TableDef plain = new TableDef(4, "s", "t", def.columns(), new int[0]);
        assertFalse(((Change.CreateTable) ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(plain)))).getFirst())
                .def().isMaterializedView());
    }

    @Test
    void keylessTableDefinitionRoundTripsWithoutKey() {
        TableDef def = new TableDef(Long.MAX_VALUE, "public", "log", List.of(new ColumnDef("line", SqlType.TEXT, false)), new int[0]);
        TableDef back = ((Change.CreateTable) ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def)))).getFirst()).def();
        assertEquals(Long.MAX_VALUE, back.id());
        assertEquals(0, back.primaryKey().length);
        assertEquals(def.columns(), back.columns());
    }

    @Test
    void numericPrecisionAndScaleRoundTrip() {
        TableDef def = new TableDef(7, "public", "prices", List.of(new ColumnDef("id", SqlType.INTEGER, true),
                new ColumnDef("price", SqlType.NUMERIC, false, null, null, 10, 2),
                new ColumnDef("tiny", SqlType.NUMERIC, false, "0", null, 3, -2)), new int[] {0});
        TableDef back = ((Change.CreateTable) ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def)))).getFirst()).def();
        assertEquals(def.columns(), back.columns());
        assertTrue(back.columns().get(1).hasScale());
        assertFalse(back.columns().get(0).hasScale());
    }

    @Test
    void varcharAndCharLengthsRoundTrip() {
        TableDef def = new TableDef(8, "public", "names", List.of(new ColumnDef("id", SqlType.INTEGER, true),
                new ColumnDef("v", SqlType.TEXT, false, null, null, 10, -1, CharacterType.VARCHAR),
                new ColumnDef("c", SqlType.TEXT, false, "'x'", null, 5, -1, CharacterType.BPCHAR),
                new ColumnDef("t", SqlType.TEXT, false)), new int[] {0});
        TableDef back = ((Change.CreateTable) ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.CreateTable(def)))).getFirst()).def();
        assertEquals(def.columns(), back.columns());
        assertEquals(14, back.columns().get(1).typmod());
        assertEquals(CharacterType.BPCHAR, back.columns().get(2).character());
        assertEquals(-1, back.columns().get(3).typmod());
    }

    /** A CREATE TABLE logged before columns had a character type (tag 16) reads back as text columns. */
    @Test
    void createTableOfTheFormatBeforeCharacterTypesIsStillRead() {
        dev.amelie.vm.row.GrowableBuffer out = new dev.amelie.vm.row.GrowableBuffer(64);
        out.put((byte) 1);
        out.putInt(1);
        out.put((byte) 16);
        out.putLong(9);
        dev.amelie.vm.row.RowCodec.writeString(out, "public");
        dev.amelie.vm.row.RowCodec.writeString(out, "old");
        out.putInt(1);
        dev.amelie.vm.row.RowCodec.writeString(out, "v");
        out.put((byte) SqlType.TEXT.ordinal());
        out.put((byte) 0);
        out.put((byte) 0); // no default
        out.put((byte) 0); // no owned sequence
        out.putInt(-1);
        out.putInt(-1);
        out.putInt(0);
        TableDef back = ((Change.CreateTable) ChangeCodec.decode(out.toByteArray()).getFirst()).def();
        assertEquals(new ColumnDef("v", SqlType.TEXT, false, null, null, -1, -1), back.columns().getFirst());
        assertEquals(CharacterType.TEXT, back.columns().getFirst().character());
    }

    @Test
    void computeLayoutRoundTrips() {
        dev.amelie.compute.layout.ComputeLayout layout = dev.amelie.compute.layout.ComputeLayout.uniform(3)
                .withNode(java.util.UUID.randomUUID())
                .withSlotsMoved(new int[] {0, 7, 4095, 2000}, 3);
        List<Change> decoded = ChangeCodec.decode(ChangeCodec.encode(List.of(new Change.Layout(layout))));
        assertEquals(layout, ((Change.Layout) decoded.getFirst()).layout());
    }

    @Test
    void emptyTransactionRoundTrips() {
        assertTrue(ChangeCodec.decode(ChangeCodec.encode(List.of())).isEmpty());
    }

    /** A payload written by a future format must not be misread as this one. */
    @Test
    void unknownFormatOrKindIsRejected() {
        byte[] payload = ChangeCodec.encode(List.of(new Change.DropTable(1)));
        byte[] future = payload.clone();
        future[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> ChangeCodec.decode(future));
        byte[] badKind = payload.clone();
        badKind[5] = 99; // format byte, change count (int), then the kind
        assertThrows(IllegalArgumentException.class, () -> ChangeCodec.decode(badKind));
    }
}

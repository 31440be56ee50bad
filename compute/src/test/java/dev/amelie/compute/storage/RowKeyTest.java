package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RowKeyTest {
    private static final TableDef BY_ID = new TableDef(1, "public", "t",
            List.of(new ColumnDef("id", SqlType.INTEGER, true), new ColumnDef("name", SqlType.TEXT, false)), new int[] {0});
    private static final TableDef BY_NAME_AND_ID = new TableDef(2, "public", "c",
            List.of(new ColumnDef("id", SqlType.INTEGER, true), new ColumnDef("name", SqlType.TEXT, true)), new int[] {1, 0});
    private static final TableDef KEYLESS = new TableDef(3, "public", "k",
            List.of(new ColumnDef("x", SqlType.TEXT, false)), new int[0]);

    /** The planner may hand 5 as Integer, Long or Short: one key, one slot, one partition. */
    @Test
    void integralKeysOfAnyClassAreOneKeyInOneSlot() {
        Object fromInteger = RowKey.of(BY_ID, new Object[] {5, "a"});
        Object fromLong = RowKey.of(BY_ID, new Object[] {5L, "a"});
        Object fromShort = RowKey.of(BY_ID, new Object[] {(short) 5, "a"});
        assertEquals(fromLong, fromInteger);
        assertEquals(fromLong, fromShort);
        assertEquals(HashSpace.slot(fromLong), HashSpace.slot(fromInteger));
        assertEquals(HashSpace.slot(5L), HashSpace.slot(fromInteger));
    }

    @Test
    void compositeKeysFollowKeyOrderAndNormalizeEachValue() {
        Object key = RowKey.of(BY_NAME_AND_ID, new Object[] {7, "x"});
        assertEquals(new RowKey.Composite(new Object[] {"x", 7L}), key);
        assertEquals(key, RowKey.fromValues(new Object[] {"x", 7}));
        assertEquals(HashSpace.slot(key), HashSpace.slot(RowKey.fromValues(new Object[] {"x", 7})));
        assertNotEquals(key, RowKey.of(BY_NAME_AND_ID, new Object[] {8, "x"}));
        assertArrayEquals(new Object[] {"x", 7L}, RowKey.values(key));
    }

    @Test
    void keylessRowsAreKeyedByTheirTrailingHiddenRowId() {
        assertEquals(42L, RowKey.of(KEYLESS, new Object[] {"anything", 42L}));
        assertArrayEquals(new Object[] {42L}, RowKey.values(42L));
    }

    /** PostgreSQL: after inserting 1.0 into a numeric primary key, inserting 1.00 is 23505. */
    @Test
    void numericKeysEqualInValueAreOneKey() {
        TableDef numeric = new TableDef(4, "public", "nk", List.of(new ColumnDef("k", SqlType.NUMERIC, true)), new int[] {0});
        Object one = RowKey.of(numeric, new Object[] {new BigDecimal("1.0")});
        Object same = RowKey.of(numeric, new Object[] {new BigDecimal("1.00")});
        assertEquals(one, same);
        assertEquals(HashSpace.slot(one), HashSpace.slot(same));
    }

    /** PostgreSQL: after inserting '0' into a float8 primary key, inserting '-0' is 23505. */
    @Test
    void negativeZeroAndZeroAreOneKey() {
        TableDef real = new TableDef(5, "public", "dk", List.of(new ColumnDef("k", SqlType.DOUBLE, true)), new int[] {0});
        assertEquals(RowKey.of(real, new Object[] {0.0}), RowKey.of(real, new Object[] {-0.0}));
    }
}

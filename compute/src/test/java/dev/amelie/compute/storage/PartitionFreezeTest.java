package dev.amelie.compute.storage;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionFreezeTest {
    private static final TableDef DEF = new TableDef(1, "public", "t",
            List.of(new ColumnDef("id", SqlType.INTEGER, true), new ColumnDef("v", SqlType.TEXT, false)), new int[] {0});

    private static Object[] row(int id, String v) {
        return new Object[] {id, v};
    }

    private static Partition filled() {
        Partition p = new Partition(DEF);
        for (int i = 0; i < 10; i++) {
            p.put(i, row(i, "v" + i));
        }
        return p;
    }

    @Test
    void theFrozenMapKeepsThePointWhileChangesGoOn() {
        Partition p = filled();
        Map<Object, Object[]> frozen = p.freeze();
        Object[] replaced = p.put(1, row(1, "new"));
        assertArrayEquals(row(1, "v1"), replaced);
        assertArrayEquals(row(2, "v2"), p.remove(2));
        assertNull(p.put(20, row(20, "added")));
        assertNull(p.remove(99));

        assertEquals(10, frozen.size());
        assertArrayEquals(row(1, "v1"), frozen.get(1));
        assertArrayEquals(row(2, "v2"), frozen.get(2));
        assertFalse(frozen.containsKey(20));
        assertThrows(UnsupportedOperationException.class, () -> frozen.put(3, row(3, "x")));

        assertArrayEquals(row(1, "new"), p.get(1));
        assertNull(p.get(2));
        assertFalse(p.contains(2));
        assertTrue(p.contains(20));
        assertEquals(10, p.size());
        assertEquals(expected(), contents(p.iterator()));
        assertEquals(expected(), contents(p.snapshotIterator()));
    }

    @Test
    void thawFoldsTheChangesIn() {
        Partition p = filled();
        p.freeze();
        p.put(1, row(1, "new"));
        p.remove(2);
        p.put(20, row(20, "added"));
        p.put(2, row(2, "back"));
        p.remove(20);
        p.thaw();
        assertEquals(10, p.size());
        assertArrayEquals(row(2, "back"), p.get(2));
        assertNull(p.get(20));
        assertArrayEquals(row(1, "new"), p.get(1));
        p.freeze(); // may freeze again once thawed
        p.thaw();
    }

    @Test
    void freezingTwiceIsAMistake() {
        Partition p = filled();
        p.freeze();
        assertThrows(IllegalStateException.class, p::freeze);
    }

    private static Map<Object, String> expected() {
        Map<Object, String> expected = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            if (i != 2) {
                expected.put(i, "v" + i);
            }
        }
        expected.put(1, "new");
        expected.put(20, "added");
        return expected;
    }

    private static Map<Object, String> contents(Iterator<Map.Entry<Object, Object[]>> it) {
        Map<Object, String> seen = new HashMap<>();
        while (it.hasNext()) {
            Map.Entry<Object, Object[]> e = it.next();
            if (seen.put(e.getKey(), (String) e.getValue()[1]) != null) {
                throw new AssertionError("key seen twice: " + e.getKey());
            }
        }
        return seen;
    }
}

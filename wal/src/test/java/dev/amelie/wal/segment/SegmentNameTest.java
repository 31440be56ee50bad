package dev.amelie.wal.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SegmentNameTest {

    @Test
    void nameIsSixteenHexDigitsOfTheFirstLsn() {
        assertEquals("0000000000000001.wal", SegmentName.of(1));
        assertEquals("00000000000000ff.wal", SegmentName.of(255));
        assertEquals(OptionalLong.of(255), SegmentName.parse("00000000000000ff.wal"));
    }

    @Test
    void namesSortInLsnOrder() {
        assertTrue(SegmentName.of(9).compareTo(SegmentName.of(10)) < 0);
        assertTrue(SegmentName.of(0xfff).compareTo(SegmentName.of(0x1000)) < 0);
    }

    @Test
    void otherFilesAreNotSegments() {
        assertTrue(SegmentName.parse("0000000000000001.wal.tmp").isEmpty());
        assertTrue(SegmentName.parse("000000000000001.wal").isEmpty());
        assertTrue(SegmentName.parse("000000000000000g.wal").isEmpty());
        assertTrue(SegmentName.parse("00000000000000FF.wal").isEmpty());
        assertTrue(SegmentName.parse("snapshot-1.bin").isEmpty());
    }
}

package dev.amelie.compute.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentWritesTest {

    @Test
    void aKeyTellsTheLastCommitThatWroteIt() {
        RecentWrites recent = new RecentWrites();
        assertEquals(0, recent.lastWriterOf("a"));
        recent.wrote("a", 5, 0);
        recent.wrote("b", 6, 0);
        recent.wrote("a", 7, 0);
        assertEquals(7, recent.lastWriterOf("a"));
        assertEquals(6, recent.lastWriterOf("b"));
        assertEquals(0, recent.lastWriterOf("c"));
    }

    @Test
    void keysOfDurableCommitsArePrunedOnceTheMapHasGrown() {
        RecentWrites recent = new RecentWrites();
        for (int lsn = 1; lsn <= 1023; lsn++) {
            recent.wrote(lsn, lsn, 0);
        }
        assertEquals(1023, recent.keysNoted());
        // The 1024th key: everything up to LSN 1000 is durable by now.
        recent.wrote(1024, 1024, 1000);
        assertEquals(24, recent.keysNoted());
        assertEquals(0, recent.lastWriterOf(500));
        assertEquals(1010, recent.lastWriterOf(1010));
    }

    @Test
    void aCommitOfManyKeysCountsForEveryKey() {
        RecentWrites recent = new RecentWrites();
        recent.wrote("a", 3, 0);
        recent.wroteAll(9);
        assertEquals(9, recent.lastWriterOf("a"));
        assertEquals(9, recent.lastWriterOf("never written"));
        recent.wrote("a", 12, 0);
        assertEquals(12, recent.lastWriterOf("a"));
        assertTrue(recent.keysNoted() <= 1);
    }
}

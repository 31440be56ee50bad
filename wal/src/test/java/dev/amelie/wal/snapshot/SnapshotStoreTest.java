package dev.amelie.wal.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    @Test
    void snapshotOfSeveralFilesReadsBackBlockForBlock() throws Exception {
        Random random = new Random(42);
        // Sizes cross the 1 MiB buffer several times; empty blocks and one bigger than the buffer.
        List<byte[]> table = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] block = new byte[i % 97 == 0 ? 0 : random.nextInt(4000)];
            random.nextBytes(block);
            table.add(block);
        }
        byte[] huge = new byte[3 << 20];
        random.nextBytes(huge);
        table.add(1500, huge);
        List<byte[]> index = List.of(new byte[] {1, 2, 3}, new byte[] {4});

        SnapshotStore store = SnapshotStore.open(dir);
        Snapshot written;
        try (SnapshotBuilder builder = store.begin(0x10)) {
            writeFile(builder, "t1.p0", table);
            writeFile(builder, "index_t1-p0", index);
            writeFile(builder, "empty", List.of());
            written = builder.complete();
        }

        assertEquals(new Snapshot(0x10, dir.resolve("0000000000000010")), written);
        assertEquals(Optional.of(written), SnapshotStore.open(dir).newest());
        assertEquals(List.of("empty", "index_t1-p0", "t1.p0"), written.files());
        assertBlocks(table, written, "t1.p0");
        assertBlocks(index, written, "index_t1-p0");
        assertBlocks(List.of(), written, "empty");
    }

    @Test
    void bytesWrittenIsTheSizeOfTheFinishedFile() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        try (SnapshotBuilder builder = store.begin(7)) {
            SnapshotFileWriter writer = builder.create("f");
            writer.append(new byte[100]);
            writer.append(new byte[5]);
            assertEquals(116 + 21, writer.bytesWritten(), "buffered bytes count");
            writer.close();
            assertEquals(116 + 21 + 24, writer.bytesWritten(), "the end frame counts");
            Snapshot snapshot = builder.complete();
            assertEquals(writer.bytesWritten(), Files.size(snapshot.directory().resolve("f")));
        }
    }

    @Test
    void completeClosesFilesLeftOpen() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        Snapshot snapshot;
        try (SnapshotBuilder builder = store.begin(3)) {
            builder.create("open").append(new byte[] {9});
            snapshot = builder.complete();
        }
        assertBlocks(List.of(new byte[] {9}), snapshot, "open");
    }

    @Test
    void newestIsTheCompleteSnapshotWithTheHighestLsn() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        complete(store, 5);
        complete(store, 0x200);
        complete(store, 0x1f);
        SnapshotBuilder unfinished = store.begin(0x300);
        unfinished.create("half").append(new byte[10]);
        Files.createDirectory(dir.resolve("0000000000000AAA"));
        Files.createDirectory(dir.resolve("backup"));
        Files.createFile(dir.resolve("0000000000000900"));

        assertEquals(dir.resolve("0000000000000200"), store.newest().orElseThrow().directory());
        assertEquals(List.of(5L, 0x1fL, 0x200L), store.all().stream().map(Snapshot::lsn).toList());
        unfinished.abandon();
    }

    @Test
    void emptyStoreHasNoNewest() throws Exception {
        assertEquals(Optional.empty(), SnapshotStore.open(dir.resolve("created")).newest());
        assertTrue(Files.isDirectory(dir.resolve("created")));
    }

    @Test
    void openRemovesWhatAnInterruptedCheckpointLeft() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        complete(store, 5);
        SnapshotBuilder interrupted = store.begin(9);
        SnapshotFileWriter writer = interrupted.create("t1.p0");
        writer.append(new byte[100]);
        writer.close();
        // The process dies here: nothing abandons the builder.

        SnapshotStore reopened = SnapshotStore.open(dir);

        assertFalse(Files.exists(dir.resolve("0000000000000009.partial")));
        assertEquals(5, reopened.newest().orElseThrow().lsn());
        try (SnapshotBuilder again = reopened.begin(9)) {
            assertEquals(9, again.lsn(), "the LSN can be written again");
        }
    }

    @Test
    void closingWithoutCompletingAbandonsTheSnapshot() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        try (SnapshotBuilder builder = store.begin(9)) {
            builder.create("a").append(new byte[10]);
            builder.create("b");
        }
        assertEquals(List.of(), entries());
        assertEquals(Optional.empty(), store.newest());
    }

    @Test
    void snapshotAtAnLsnThatIsCompleteAlreadyCannotBegin() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        complete(store, 5);
        assertThrows(FileAlreadyExistsException.class, () -> store.begin(5));
        try (SnapshotBuilder first = store.begin(6)) {
            assertThrows(FileAlreadyExistsException.class, () -> store.begin(first.lsn()), "one builder per LSN");
        }
    }

    @Test
    void fileNamesThatCouldLeaveTheDirectoryOrNeedQuotingAreRejected() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        try (SnapshotBuilder builder = store.begin(1)) {
            for (String bad : List.of("", ".", "..", "../x", "a/b", "a b", "ä", "t1*")) {
                assertThrows(IllegalArgumentException.class, () -> builder.create(bad), bad);
            }
            builder.create("Table_1.part-0");
            assertThrows(IllegalArgumentException.class, () -> builder.create("Table_1.part-0"), "twice");
            Snapshot snapshot = builder.complete();
            assertThrows(IllegalArgumentException.class, () -> snapshot.open("../0000000000000001/Table_1.part-0"));
            assertThrows(IllegalStateException.class, () -> builder.create("late"));
        }
    }

    @Test
    void removeOlderThanDeletesOnlyEarlierSnapshots() throws Exception {
        SnapshotStore store = SnapshotStore.open(dir);
        complete(store, 5);
        complete(store, 10);
        complete(store, 20);
        Files.createDirectory(dir.resolve("backup"));

        assertEquals(2, store.removeOlderThan(20));

        assertEquals(List.of(20L), store.all().stream().map(Snapshot::lsn).toList());
        assertEquals(List.of("0000000000000014", "backup"), entries());
        assertEquals(0, store.removeOlderThan(20));
    }

    private static void writeFile(SnapshotBuilder builder, String name, List<byte[]> blocks) throws IOException {
        try (SnapshotFileWriter writer = builder.create(name)) {
            for (byte[] block : blocks) {
                writer.append(block);
            }
            assertEquals(blocks.size(), writer.blocks());
        }
    }

    private static void complete(SnapshotStore store, long lsn) throws IOException {
        try (SnapshotBuilder builder = store.begin(lsn)) {
            writeFile(builder, "t1.p0", List.of(("as of " + lsn).getBytes()));
            builder.complete();
        }
    }

    private static void assertBlocks(List<byte[]> expected, Snapshot snapshot, String name) throws IOException {
        try (SnapshotFileReader reader = snapshot.open(name)) {
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), reader.next(), name + " block " + (i + 1));
            }
            assertNull(reader.next(), "end of " + name);
            assertNull(reader.next(), "still the end of " + name);
            assertEquals(expected.size(), reader.blocksRead());
        }
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}

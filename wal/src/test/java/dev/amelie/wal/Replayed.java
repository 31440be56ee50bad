package dev.amelie.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects what a log replays, for tests in every package. */
public final class Replayed implements RecordConsumer {

    private final List<Long> lsns = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();

    @Override
    public void accept(long lsn, byte[] payload) {
        lsns.add(lsn);
        payloads.add(payload);
    }

    /** Opens the log in {@code directory}, closes it again and returns what it replayed. */
    public static Replayed reopen(Path directory, WalSettings settings) throws IOException {
        Replayed replayed = new Replayed();
        WriteAheadLog.open(directory, settings, replayed).close();
        return replayed;
    }

    /** As {@link #reopen(Path, WalSettings)} for a database restored from a snapshot at {@code startAfterLsn}. */
    public static Replayed reopen(Path directory, WalSettings settings, long startAfterLsn) throws IOException {
        Replayed replayed = new Replayed();
        WriteAheadLog.open(directory, settings, startAfterLsn, replayed).close();
        return replayed;
    }

    public List<Long> lsns() {
        return lsns;
    }

    public List<String> texts() {
        return payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    public int size() {
        return lsns.size();
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** LSNs 1 to {@code last}. */
    public static List<Long> oneTo(long last) {
        return range(1, last);
    }

    /** LSNs {@code first} to {@code last}, empty if {@code last < first}. */
    public static List<Long> range(long first, long last) {
        List<Long> expected = new ArrayList<>();
        for (long lsn = first; lsn <= last; lsn++) {
            expected.add(lsn);
        }
        return expected;
    }
}

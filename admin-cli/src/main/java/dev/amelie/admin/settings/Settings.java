package dev.amelie.admin.settings;

import java.nio.file.Path;

/**
 * Every setting of a server, typed, filled from defaults ← {@code amelie.conf} in the data
 * directory ← environment ({@code AMELIE_*}) ← command-line flags (see {@link SettingsLoader}).
 */
public record Settings(
        Path dataDirectory,
        String listenHost,
        int listenPort,
        int computeNodes,
        int hostThreads,
        boolean walSync,
        long walSegmentSize,
        long checkpointWalSize,
        java.time.Duration checkpointInterval) {

    public String listen() {
        return listenHost + ":" + listenPort;
    }

    /** One line for the start-up log. */
    public String describe() {
        return "data=" + dataDirectory + " listen=" + listen() + " compute=" + computeNodes + " hosts=" + hostThreads
                + " wal_sync=" + (walSync ? "on" : "off") + " wal_segment_size=" + walSegmentSize
                + " checkpoint_wal_size=" + checkpointWalSize + " checkpoint_interval=" + checkpointInterval.toSeconds() + "s";
    }
}

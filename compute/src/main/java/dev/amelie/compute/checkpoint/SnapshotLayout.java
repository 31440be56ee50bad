package dev.amelie.compute.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the files of a snapshot hold (the wal module frames and checksums them, this says what is
 * inside):
 * <ul>
 *   <li>{@value #CATALOG}: block 1 the {@link Header}; block 2 the catalog as WAL changes
 *       (CREATE TABLE, CREATE VIEW, CREATE SEQUENCE and each sequence's state), so that loading
 *       it is replaying it;</li>
 *   <li>{@code t<table id>.p<partition>}, one per partition of every table, empty ones included
 *       (a missing file is damage, not an empty partition): blocks of INSERT changes.</li>
 * </ul>
 */
public final class SnapshotLayout {
    public static final String CATALOG = "catalog";
    /** Rows per block: big enough that framing costs nothing, small enough to stay cache friendly. */
    static final int ROWS_PER_BLOCK = 2048;
    private static final byte FORMAT = 1;
    private static final Pattern PARTITION_FILE = Pattern.compile("t(\\d+)\\.p(\\d+)");

    private SnapshotLayout() {
    }

    /**
     * @param lsn every WAL record up to this one is in the snapshot, none after it
     * @param lastTableId the highest table id ever given out, so ids are not reused after a drop
     * @param partitions partitions per table when written; loading with another node count
     *     routes every row by its hash again
     */
    public record Header(long lsn, long lastTableId, int partitions) {

        public byte[] encode() {
            return ByteBuffer.allocate(1 + 8 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN)
                    .put(FORMAT).putLong(lsn).putLong(lastTableId).putInt(partitions).array();
        }

        public static Header decode(byte[] block) {
            ByteBuffer in = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            if (block.length != 21 || in.get() != FORMAT) {
                throw new IllegalArgumentException("unknown snapshot catalog format");
            }
            return new Header(in.getLong(), in.getLong(), in.getInt());
        }
    }

    public record PartitionFile(long tableId, int partition) {
        public String fileName() {
            return "t" + tableId + ".p" + partition;
        }
    }

    public static String partitionFile(long tableId, int partition) {
        return new PartitionFile(tableId, partition).fileName();
    }

    /** The table and partition a file name stands for; null for a name that is not a partition file. */
    public static PartitionFile parsePartitionFile(String name) {
        Matcher m = PARTITION_FILE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        try {
            return new PartitionFile(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

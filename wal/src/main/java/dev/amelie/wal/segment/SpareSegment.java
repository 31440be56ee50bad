package dev.amelie.wal.segment;

import dev.amelie.wal.DurableFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A zero-filled, fsynced file of a segment's size, made ahead on a thread of its own, which the
 * next segment takes by renaming it. Writing a record into space a file already has makes
 * fdatasync flush only that data; appending also changes the file's size, which the file system
 * must journal and flush with every commit (measured here: about a fifth more per fsync on
 * average and a third more at the 99th percentile). PostgreSQL fills its WAL segments with zeros
 * ahead for the same reason.
 *
 * <p>Its name is no segment's, so recovery never reads it; a spare left by a previous process is
 * filled again before it is used. The writer thread takes it; one filling thread at a time makes
 * it, under another name until it is whole.
 */
public final class SpareSegment implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SpareSegment.class.getName());
    static final String FILE_NAME = "next-segment.spare";
    /** Where the zeros are written: only a whole, fsynced spare is renamed to {@link #FILE_NAME}. */
    static final String FILLING_NAME = "next-segment.filling";
    private static final int CHUNK = 1 << 20;
    /** Zeros are fsynced every this many bytes, not in one burst that would hold up commits' fsyncs. */
    private static final long SYNC_EVERY = 8L << 20;

    private final SegmentDirectory directory;
    private final Path path;
    private final Path fillingPath;
    private final long size;
    private final SegmentChannelFactory channels;
    private volatile boolean ready;
    private volatile boolean closed;
    /** Filling failed: not tried again before the next segment starts (a full disk stays full a while). */
    private volatile boolean failed;
    private Thread filling;

    SpareSegment(SegmentDirectory directory, long size, SegmentChannelFactory channels) {
        this.directory = directory;
        this.path = directory.path().resolve(FILE_NAME);
        this.fillingPath = directory.path().resolve(FILLING_NAME);
        this.size = size;
        this.channels = channels;
    }

    /** Whether a whole spare waits to be taken. */
    public boolean ready() {
        return ready;
    }

    /** Starts filling a spare unless one is ready or being filled. */
    public void prepare() {
        if (ready) {
            return; // the common case: asked at every record once the current segment is half full
        }
        synchronized (this) {
            if (closed || ready || failed || filling != null && filling.isAlive()) {
                return;
            }
            filling = Thread.ofPlatform().name("amelie-wal-spare").daemon(true).start(this::fill);
        }
    }

    private void fill() {
        // Not through the writer's channel factory: the spare is no segment until renamed, and
        // what fails filling it only costs the next segment its preallocation.
        try (FileChannel channel = FileChannel.open(fillingPath, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(size, 1)));
            long written = 0;
            long synced = 0;
            while (written < size && !closed) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros);
                if (written - synced >= SYNC_EVERY) {
                    channel.force(false);
                    synced = written;
                }
            }
            channel.force(true);
            if (written >= size && !closed) {
                Files.move(fillingPath, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                ready = true;
            }
        } catch (IOException | RuntimeException e) {
            // No spare: the next segment grows as it is written, as without one.
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "could not prepare the next WAL segment " + fillingPath + ": " + e);
        }
    }

    /**
     * The spare, renamed to the segment starting at {@code firstLsn} and open for writing at its
     * start; null when none is ready (being filled, or filling failed). The directory is fsynced:
     * the segment's name is as durable as its records.
     */
    public FileChannel takeAs(long firstLsn) throws IOException {
        failed = false;
        if (!ready) {
            return null;
        }
        ready = false;
        Path target = directory.path().resolve(SegmentName.of(firstLsn));
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Still a spare (the rename is atomic): the segment is created empty instead.
            LOG.log(System.Logger.Level.WARNING, "could not take the spare WAL segment " + path + ": " + e);
            return null;
        }
        DurableFiles.syncDirectory(directory.path());
        return channels.open(target, StandardOpenOption.WRITE);
    }

    /** Stops a filling under way and waits for it; the file stays for the next process to fill again. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = filling;
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

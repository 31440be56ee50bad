package dev.amelie.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import dev.amelie.wal.segment.SegmentChannelFactory;

/**
 * A file channel that forwards to a real one and, on demand, fails writes or fsyncs the way a
 * full or broken disk does, or holds an fsync until released.
 */
final class FaultyFileChannel extends FileChannel {

    /** Switches shared by every channel a {@link #factory} opened. */
    static final class Faults {
        volatile IOException failWrites;
        volatile IOException failForces;
        volatile CountDownLatch holdNextForce;
        final CountDownLatch forceHeld = new CountDownLatch(1);

        SegmentChannelFactory factory() {
            return (file, options) -> new FaultyFileChannel(FileChannel.open(file, options), this);
        }
    }

    private final FileChannel delegate;
    private final Faults faults;

    private FaultyFileChannel(FileChannel delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        IOException failure = faults.failWrites;
        if (failure != null) {
            throw failure;
        }
        return delegate.write(src);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        CountDownLatch hold = faults.holdNextForce;
        if (hold != null) {
            faults.holdNextForce = null;
            faults.forceHeld.countDown();
            try {
                if (!hold.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("test never released the held fsync");
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        IOException failure = faults.failForces;
        if (failure != null) {
            throw failure;
        }
        delegate.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        IOException failure = faults.failWrites;
        if (failure != null) {
            throw failure;
        }
        return delegate.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        IOException failure = faults.failWrites;
        if (failure != null) {
            throw failure;
        }
        return delegate.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}

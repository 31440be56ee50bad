package dev.amelie.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;

/**
 * The session's output: backend messages are appended to one pooled direct buffer and handed
 * to the channel once per batch (end of a Query, Sync, Flush), so a pipelined batch of many
 * small messages costs one write and one flush.
 *
 * <p>A batch that grows past {@link #SPILL_BYTES} (a large result) is written and flushed early,
 * as PostgreSQL does when its send buffer fills, so memory stays bounded by the client's pace
 * rather than by the result size.
 *
 * <p>Confined to the channel's event loop, like the session that owns it.
 */
public final class ResponseBatch {
    static final int INITIAL_BYTES = 512;
    static final int SPILL_BYTES = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private ByteBuf buffer;

    public ResponseBatch(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The buffer to append the next message to. */
    public ByteBuf buffer() {
        if (buffer == null) {
            buffer = ctx.alloc().ioBuffer(INITIAL_BYTES);
        }
        return buffer;
    }

    /** Call between messages of a long stream (DataRows): writes out a full buffer early. */
    public void spillIfLarge() {
        if (buffer != null && buffer.readableBytes() >= SPILL_BYTES) {
            ctx.writeAndFlush(buffer, ctx.voidPromise());
            buffer = null;
        }
    }

    /**
     * Takes what was appended so far out of the batch (null when nothing was), to be put back in
     * its place later with {@link #append}: responses of a pipeline whose Executes wait for Sync.
     */
    public ByteBuf detach() {
        ByteBuf taken = buffer;
        buffer = null;
        return taken;
    }

    /** Appends bytes taken with {@link #detach}; the batch owns them from now on. */
    public void append(ByteBuf bytes) {
        if (buffer == null) {
            buffer = bytes;
            return;
        }
        buffer.writeBytes(bytes);
        bytes.release();
        spillIfLarge();
    }

    /** Ends the batch: everything appended so far goes to the client. */
    public void flush() {
        if (buffer != null) {
            ctx.write(buffer, ctx.voidPromise());
            buffer = null;
        }
        ctx.flush();
    }

    /** Sends what is pending, then closes the connection (after a FATAL error or Terminate). */
    public void flushAndClose() {
        ByteBuf last = buffer;
        buffer = null;
        if (last == null) {
            ctx.flush();
            ctx.close();
        } else {
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Drops unsent output (the connection is gone). */
    public void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}

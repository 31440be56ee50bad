package dev.amelie.bench;

import dev.amelie.pgwire.codec.FrontendMessageDecoder;
import dev.amelie.pgwire.message.Bind;
import dev.amelie.pgwire.message.DataRow;
import dev.amelie.pgwire.message.StartupMessage;
import dev.amelie.pgwire.type.PgType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The pgwire codec on pgbench's select-only shape, one message per operation, so that
 * {@code -prof gc} shows what the codec allocates per row and per Bind:
 * <ul>
 * <li>{@code encodeDataRow}: a pgbench_accounts row (int, int, int, char(84) holding '', as
 * pgbench loads it) as a text-format DataRow into a pooled direct buffer, as the server's
 * allocator gives it, cleared and reused;</li>
 * <li>{@code decodeBindText}, {@code decodeBindBinary}: a Bind with one int4 parameter cut out
 * of the byte stream by {@link FrontendMessageDecoder} (after startup, on an
 * {@link EmbeddedChannel}), then the parameter read by int4's input or receive function.</li>
 * </ul>
 * The parameter is read through the public {@link PgType} codec because
 * {@code session.BindParameters}, which wraps the same calls, is package-private: its strict
 * UTF-8 check of a text parameter (a CharsetDecoder each) is not in {@code decodeBindText}, which
 * is therefore a lower bound of what the session pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CodecBench {
    private static final PgType[] ACCOUNT_TYPES = {PgType.INT4, PgType.INT4, PgType.INT4, PgType.BPCHAR};
    /** char(84): PostgreSQL's atttypmod counts the 4-byte header. */
    private static final int[] ACCOUNT_TYPMODS = {-1, -1, -1, 84 + 4};
    private static final short TEXT = 0;
    private static final short BINARY = 1;

    private final Object[] account = {73_412, 1, -2_187, ""};
    private ByteBuf out;
    private EmbeddedChannel channel;
    private ByteBuf bindText;
    private ByteBuf bindBinary;

    @Setup(Level.Trial)
    public void open() {
        out = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        channel = new EmbeddedChannel(new FrontendMessageDecoder());
        channel.writeInbound(startupPacket());
        if (!(channel.readInbound() instanceof StartupMessage)) {
            throw new IllegalStateException("the decoder did not take the startup packet");
        }
        bindText = bindMessage(new short[0], "73412".getBytes(StandardCharsets.US_ASCII));
        bindBinary = bindMessage(new short[] {BINARY}, new byte[] {0, 1, 0x1e, (byte) 0xc4});
        if (!decodeBindText().equals(73_412) || !decodeBindBinary().equals(73_412)) {
            throw new IllegalStateException("Bind did not decode to 73412");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        out.release();
        bindText.release();
        bindBinary.release();
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public ByteBuf encodeDataRow() {
        out.clear();
        DataRow.write(out, account, ACCOUNT_TYPES, ACCOUNT_TYPMODS, null);
        return out;
    }

    @Benchmark
    public Object decodeBindText() {
        Bind bind = decode(bindText);
        String text = new String(bind.parameterValues()[0], StandardCharsets.UTF_8);
        return PgType.INT4.codec().readText(text);
    }

    @Benchmark
    public Object decodeBindBinary() {
        Bind bind = decode(bindBinary);
        return PgType.INT4.codec().readBinary(Unpooled.wrappedBuffer(bind.parameterValues()[0]));
    }

    /**
     * Feeds the same bytes again: retained because the decoder releases what it has read, and
     * fired into the pipeline directly since writeInbound's varargs would add an array per call.
     */
    private Bind decode(ByteBuf message) {
        message.readerIndex(0).retain();
        channel.pipeline().fireChannelRead(message);
        return channel.readInbound();
    }

    private static ByteBuf startupPacket() {
        byte[] parameters = "user\0bench\0database\0bench\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuf packet = Unpooled.buffer();
        packet.writeInt(8 + parameters.length).writeInt(3 << 16).writeBytes(parameters);
        return packet;
    }

    /** As libpq sends it for pgbench -M prepared: unnamed portal, one parameter, text results. */
    private static ByteBuf bindMessage(short[] parameterFormats, byte[] value) {
        ByteBuf body = Unpooled.buffer();
        body.writeByte(0);
        body.writeBytes("P0_1\0".getBytes(StandardCharsets.US_ASCII));
        body.writeShort(parameterFormats.length);
        for (short format : parameterFormats) {
            body.writeShort(format);
        }
        body.writeShort(1).writeInt(value.length).writeBytes(value);
        body.writeShort(1).writeShort(TEXT);
        ByteBuf message = PooledByteBufAllocator.DEFAULT.directBuffer(5 + body.readableBytes());
        message.writeByte('B').writeInt(4 + body.readableBytes()).writeBytes(body);
        body.release();
        return message;
    }
}

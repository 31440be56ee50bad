package dev.amelie.pgwire.fuzz;

import dev.amelie.pgwire.session.FakeQueryEngine;
import dev.amelie.pgwire.session.FrontendBytes;
import dev.amelie.pgwire.session.WireTestClient;
import io.netty.buffer.ByteBuf;
import dev.amelie.pgwire.session.Session;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded generated fuzz of the protocol: valid conversations, mutated (bit flips, length
 * rewrites, truncation, insertion, type rewrites, random bytes), fed in random slices to a
 * decoder and session on an EmbeddedChannel. Every case must end with the channel either open or
 * closed cleanly, never with an exception escaping the pipeline (the session logs and answers
 * XX000 for its own bugs; a throwable here is a crash).
 *
 * <p>Bounded for CI by {@code -Dfuzz.seconds} (default 20) and {@code -Dfuzz.seed} (default a
 * fixed one, so a failure repeats); {@code bench/fuzz-pgwire} runs it longer with other seeds.
 * A failure prints the seed and case number that reproduce it.
 */
class ProtocolFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("fuzz.seconds", 20));
    private static final int MAX_CASES = Integer.getInteger("fuzz.cases", Integer.MAX_VALUE);

    @Test
    void mutatedConversationsNeverEscapeThePipeline() {
        SplittableRandom random = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + DURATION.toNanos();
        int cases = 0;
        while (System.nanoTime() < deadline && cases < MAX_CASES) {
            long caseSeed = random.nextLong();
            try {
                runCase(new SplittableRandom(caseSeed));
            } catch (Throwable t) {
                fail("fuzz case " + cases + " (-Dfuzz.seed=" + SEED + ", case seed " + caseSeed + ") crashed the pipeline", t);
            }
            cases++;
        }
        System.out.println("protocol fuzz: " + cases + " cases, seed " + SEED);
    }

    private static void runCase(SplittableRandom random) throws Throwable {
        WireTestClient client = new WireTestClient(new FakeQueryEngine());
        // The session closes the connection on any exception; this records what reached it first.
        List<Throwable> caught = new ArrayList<>();
        client.channel.pipeline().addBefore(client.channel.pipeline().context(Session.class).name(), "sniffer",
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        caught.add(cause);
                        ctx.fireExceptionCaught(cause);
                    }
                });
        byte[] conversation = mutate(conversation(random), random);
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        int at = 0;
        while (at < conversation.length && client.channel.isOpen()) {
            int slice = 1 + random.nextInt(Math.min(conversation.length - at, 1 + random.nextInt(64)));
            client.channel.writeInbound(Unpooled.wrappedBuffer(conversation, at, slice));
            client.channel.runPendingTasks();
            client.channel.checkException(); // rethrows what reached the pipeline's end
            answers.writeBytes(client.receiveBytes());
            at += slice;
        }
        client.channel.finishAndReleaseAll();
        if (!caught.isEmpty()) {
            throw caught.getFirst();
        }
        // XX000 is what the session answers for its own bugs: malformed input must get 08P01 (or a SQL error) instead.
        if (new String(answers.toByteArray(), StandardCharsets.ISO_8859_1).contains("CXX000\0")) {
            throw new AssertionError("internal error answered to " + HexFormat.of().formatHex(conversation));
        }
    }

    /** A plausible conversation: startup, then simple and extended protocol messages. */
    private static byte[] conversation(SplittableRandom random) {
        List<ByteBuf> parts = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            parts.add(random.nextBoolean() ? FrontendBytes.sslRequest() : FrontendBytes.gssEncRequest());
        }
        if (random.nextInt(20) == 0) {
            parts.add(FrontendBytes.cancelRequest(random.nextInt(), random.nextInt()));
        } else {
            parts.add(FrontendBytes.startup(Map.of("user", "fuzz", "database", "db", "options", "-c statement_timeout=5s")));
        }
        int messages = random.nextInt(12);
        for (int i = 0; i < messages; i++) {
            parts.add(switch (random.nextInt(12)) {
                case 0 -> FrontendBytes.query("select " + random.nextInt(100));
                case 1 -> FrontendBytes.query("rows " + random.nextInt(5) + "; set application_name = 'x'");
                case 2 -> FrontendBytes.parse("s" + random.nextInt(3), "select $1::int4, $2", 23, 0);
                case 3 -> FrontendBytes.bind("", "s" + random.nextInt(3), new String[] {"1", "two"}, 0, 1);
                case 4 -> FrontendBytes.describe(random.nextBoolean() ? 'S' : 'P', "s" + random.nextInt(3));
                case 5 -> FrontendBytes.execute("", random.nextInt(3));
                case 6 -> FrontendBytes.close(random.nextBoolean() ? 'S' : 'P', "s" + random.nextInt(3));
                case 7 -> FrontendBytes.sync();
                case 8 -> FrontendBytes.flush();
                case 9 -> FrontendBytes.typed('d', Unpooled.wrappedBuffer(randomBytes(random, 16)));
                case 10 -> FrontendBytes.query("fail");
                default -> FrontendBytes.typed((char) random.nextInt(128), Unpooled.wrappedBuffer(randomBytes(random, 24)));
            });
        }
        if (random.nextInt(3) == 0) {
            parts.add(FrontendBytes.terminate());
        }
        ByteBuf all = FrontendBytes.all(parts.toArray(ByteBuf[]::new));
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        return bytes;
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> { // rewrite a 4-byte field with an edge value: lengths, counts
                    int[] edges = {0, 1, 3, 4, 5, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x4000_0000, 65535, 10_001};
                    int value = edges[random.nextInt(edges.length)];
                    for (int i = 0; i < 4 && at + i < bytes.length; i++) {
                        bytes[at + i] = (byte) (value >>> (24 - 8 * i));
                    }
                }
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at); // truncate
                case 3 -> { // insert random bytes
                    byte[] inserted = randomBytes(random, 12);
                    byte[] grown = new byte[bytes.length + inserted.length];
                    System.arraycopy(bytes, 0, grown, 0, at);
                    System.arraycopy(inserted, 0, grown, at, inserted.length);
                    System.arraycopy(bytes, at, grown, at + inserted.length, bytes.length - at);
                    bytes = grown;
                }
                case 4 -> bytes[at] = (byte) "QPBDECSHXdcfFpZ\0".charAt(random.nextInt(16)); // type rewrite
                default -> bytes[at] = 0; // a NUL where a string was
            }
        }
        return bytes;
    }

    private static byte[] randomBytes(SplittableRandom random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}

package dev.amelie.pgwire.codec;

import dev.amelie.pgwire.message.Bind;
import dev.amelie.pgwire.message.Execute;
import dev.amelie.pgwire.message.MalformedMessage;
import dev.amelie.pgwire.message.Query;
import dev.amelie.pgwire.message.SslRequest;
import dev.amelie.pgwire.message.StartupMessage;
import dev.amelie.pgwire.message.Sync;
import dev.amelie.pgwire.session.FrontendBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class FrontendMessageDecoderTest {
    private final FrontendMessageDecoder decoder = new FrontendMessageDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    private List<Object> decoded() {
        List<Object> messages = new ArrayList<>();
        Object m;
        while ((m = channel.readInbound()) != null) {
            messages.add(m);
        }
        return messages;
    }

    @Test
    void startupPhaseThenTypedMessages() {
        channel.writeInbound(FrontendBytes.sslRequest());
        channel.writeInbound(FrontendBytes.all(
                FrontendBytes.startup(Map.of("user", "u")), FrontendBytes.query("select 1"), FrontendBytes.sync()));
        List<Object> messages = decoded();
        assertInstanceOf(SslRequest.class, messages.get(0));
        StartupMessage startup = assertInstanceOf(StartupMessage.class, messages.get(1));
        assertEquals(3, startup.majorVersion());
        assertEquals(Map.of("user", "u"), startup.parameters());
        assertEquals(new Query("select 1"), messages.get(2));
        assertInstanceOf(Sync.class, messages.get(3));
        assertEquals(FrontendMessageDecoder.State.MESSAGES, decoder.state());
    }

    @Test
    void messagesSplitAcrossReadsByteByByteDecodeTheSame() {
        channel.writeInbound(FrontendBytes.startup(Map.of("user", "u")));
        decoded();
        ByteBuf stream = FrontendBytes.all(
                FrontendBytes.bind("p", "s", new int[] {1}, new byte[][] {{1, 2}, null}, 1),
                FrontendBytes.execute("p", 7));
        while (stream.isReadable()) {
            channel.writeInbound(stream.readRetainedSlice(1));
        }
        stream.release();
        List<Object> messages = decoded();
        Bind bind = assertInstanceOf(Bind.class, messages.get(0));
        assertEquals("p", bind.portalName());
        assertArrayEquals(new byte[] {1, 2}, bind.parameterValues()[0]);
        assertNull(bind.parameterValues()[1]);
        assertArrayEquals(new short[] {1}, bind.resultFormats());
        assertEquals(new Execute("p", 7), messages.get(1));
    }

    @Test
    void lengthBeyondTheCapIsMalformedAndTheRestIsDiscarded() {
        channel.writeInbound(FrontendBytes.startup(Map.of("user", "u")));
        decoded();
        ByteBuf huge = Unpooled.buffer().writeByte('S').writeInt(FrontendMessageDecoder.MAX_SMALL_MESSAGE_LENGTH + 1);
        channel.writeInbound(FrontendBytes.all(huge, FrontendBytes.sync()));
        List<Object> messages = decoded();
        assertEquals(1, messages.size());
        assertEquals("invalid message length", assertInstanceOf(MalformedMessage.class, messages.getFirst()).reason());
        channel.writeInbound(FrontendBytes.sync());
        assertEquals(List.of(), decoded());
    }

    @Test
    void bytesSentWithAnEncryptionRequestBeforeItsAnswerAreRefused() {
        channel.writeInbound(FrontendBytes.all(FrontendBytes.sslRequest(), FrontendBytes.startup(Map.of("user", "u"))));
        List<Object> messages = decoded();
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("received unencrypted data after SSL request",
                assertInstanceOf(MalformedMessage.class, messages.getFirst()).reason());

        FrontendMessageDecoder gss = new FrontendMessageDecoder();
        EmbeddedChannel other = new EmbeddedChannel(gss);
        other.writeInbound(FrontendBytes.all(FrontendBytes.gssEncRequest(), FrontendBytes.startup(Map.of("user", "u"))));
        assertEquals("received unencrypted data after GSSAPI encryption request",
                assertInstanceOf(MalformedMessage.class, other.readInbound()).reason());
    }

    @Test
    void aLengthFieldOfAGigabyteIsRefusedAtOnceWithoutWaitingForItsBytes() {
        channel.writeInbound(FrontendBytes.startup(Map.of("user", "u")));
        decoded();
        // PostgreSQL's MaxAllocSize is 1 GiB - 1; the header alone decides, nothing is buffered for the body.
        channel.writeInbound(Unpooled.buffer().writeByte('Q').writeInt(0x4000_0000));
        assertEquals("invalid message length", assertInstanceOf(MalformedMessage.class, decoded().getFirst()).reason());
        channel.writeInbound(Unpooled.buffer().writeByte('Q').writeInt(0x7FFF_FFFF));
        assertEquals(List.of(), decoded(), "nothing more is read after the broken framing");
    }

    @Test
    void truncatedFieldsAreMalformed() {
        channel.writeInbound(FrontendBytes.startup(Map.of("user", "u")));
        decoded();
        // An Execute whose body lacks the row-limit Int32.
        ByteBuf body = Unpooled.buffer().writeByte('p').writeByte(0);
        channel.writeInbound(FrontendBytes.typed('E', body));
        assertInstanceOf(MalformedMessage.class, decoded().getFirst());
    }

    @Test
    void trailingBytesInAMessageAreMalformed() {
        channel.writeInbound(FrontendBytes.startup(Map.of("user", "u")));
        decoded();
        channel.writeInbound(FrontendBytes.typed('S', Unpooled.buffer().writeByte(1)));
        assertEquals("invalid message format", assertInstanceOf(MalformedMessage.class, decoded().getFirst()).reason());
    }

    @Test
    void startupPacketWithoutTerminatorIsMalformed() {
        ByteBuf packet = Unpooled.buffer().writeInt(12).writeInt(196608).writeBytes(new byte[] {'u', 's', 'e', 'r'});
        channel.writeInbound(packet);
        assertInstanceOf(MalformedMessage.class, decoded().getFirst());
    }
}

package dev.amelie.pgwire.codec;

import dev.amelie.pgwire.message.Bind;
import dev.amelie.pgwire.message.CancelRequest;
import dev.amelie.pgwire.message.Close;
import dev.amelie.pgwire.message.CopyData;
import dev.amelie.pgwire.message.CopyDone;
import dev.amelie.pgwire.message.CopyFail;
import dev.amelie.pgwire.message.Describe;
import dev.amelie.pgwire.message.Execute;
import dev.amelie.pgwire.message.Flush;
import dev.amelie.pgwire.message.FrontendMessage;
import dev.amelie.pgwire.message.FunctionCall;
import dev.amelie.pgwire.message.GssEncRequest;
import dev.amelie.pgwire.message.MalformedMessage;
import dev.amelie.pgwire.message.Parse;
import dev.amelie.pgwire.message.PasswordMessage;
import dev.amelie.pgwire.message.Query;
import dev.amelie.pgwire.message.SslRequest;
import dev.amelie.pgwire.message.StartupMessage;
import dev.amelie.pgwire.message.Sync;
import dev.amelie.pgwire.message.Terminate;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the client's byte stream into {@link FrontendMessage}s.
 *
 * <p>The stream has two grammars: before startup, untyped packets (Int32 length, Int32 code);
 * after it, typed messages (Byte1 type, Int32 length). {@link State} says which one applies.
 * SSLRequest and GSSENCRequest keep the decoder in {@code STARTUP} (the client follows the 'N'
 * answer with its StartupMessage); a CancelRequest is the whole conversation.
 *
 * <p>Anything malformed becomes one {@link MalformedMessage} in stream order, after which all
 * input is discarded: the session answers FATAL 08P01 and closes only this connection.
 * Length limits follow postgres.c: large for messages that carry SQL or data, PostgreSQL's
 * PQ_SMALL_MESSAGE_LIMIT for the rest, 10000 bytes for the startup packet (MAX_STARTUP_PACKET_LENGTH).
 */
public final class FrontendMessageDecoder extends ByteToMessageDecoder {
    static final int MAX_STARTUP_PACKET_LENGTH = 10_000;
    static final int MAX_SMALL_MESSAGE_LENGTH = 10_000;
    /** Below PostgreSQL's 1 GiB; a statement or Bind larger than this is a mistake or an attack. */
    static final int MAX_LARGE_MESSAGE_LENGTH = 256 * 1024 * 1024;

    enum State {
        /** Waiting for SSLRequest, GSSENCRequest, CancelRequest or StartupMessage. */
        STARTUP,
        /** After StartupMessage: typed messages. */
        MESSAGES,
        /** After a CancelRequest or a malformed message: nothing more is read. */
        DISCARD
    }

    private State state = State.STARTUP;

    State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            switch (state) {
                case STARTUP -> decodeStartupPacket(in, out);
                case MESSAGES -> decodeTypedMessage(in, out);
                case DISCARD -> in.skipBytes(in.readableBytes());
            }
        } catch (Malformed e) {
            state = State.DISCARD;
            in.skipBytes(in.readableBytes());
            out.add(new MalformedMessage(e.getMessage()));
        }
    }

    private void decodeStartupPacket(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw new Malformed("invalid length of startup packet");
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        int code = body.readInt();
        switch (code) {
            case SslRequest.CODE -> {
                expectEnd(body);
                expectNothingBuffered(in, "received unencrypted data after SSL request");
                out.add(new SslRequest());
            }
            case GssEncRequest.CODE -> {
                expectEnd(body);
                expectNothingBuffered(in, "received unencrypted data after GSSAPI encryption request");
                out.add(new GssEncRequest());
            }
            case CancelRequest.CODE -> {
                if (body.readableBytes() != 8) {
                    throw new Malformed("invalid length of cancel request packet");
                }
                state = State.DISCARD;
                out.add(new CancelRequest(body.readInt(), body.readInt()));
            }
            default -> {
                out.add(startupMessage(code, body));
                state = State.MESSAGES;
            }
        }
    }

    /**
     * The client must wait for the answer to an encryption request: bytes already here were sent
     * in the clear before the handshake and may have been injected by a man in the middle
     * (PostgreSQL 15's postmaster.c refuses them alike, CVE-2021-23214).
     */
    private static void expectNothingBuffered(ByteBuf in, String message) {
        if (in.isReadable()) {
            throw new Malformed(message);
        }
    }

    private static StartupMessage startupMessage(int version, ByteBuf body) {
        // postmaster.c requires the packet to end with the terminator of the name/value list.
        if (body.readableBytes() == 0 || body.getByte(body.writerIndex() - 1) != 0) {
            throw new Malformed("invalid startup packet layout: expected terminator as last byte");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            String name = readCString(body);
            if (name.isEmpty()) {
                break;
            }
            parameters.put(name, readCString(body));
        }
        expectEnd(body);
        return new StartupMessage(version >>> 16, version & 0xFFFF, parameters);
    }

    private void decodeTypedMessage(ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 5) {
            int start = in.readerIndex();
            byte type = in.getByte(start);
            int length = in.getInt(start + 1);
            int limit = switch (type) {
                case 'Q', 'P', 'B', 'F', 'd' -> MAX_LARGE_MESSAGE_LENGTH;
                case 'C', 'D', 'E', 'H', 'S', 'X', 'c', 'f', 'p' -> MAX_SMALL_MESSAGE_LENGTH;
                default -> throw new Malformed("invalid frontend message type " + (type & 0xFF));
            };
            if (length < 4 || length > limit) {
                throw new Malformed("invalid message length");
            }
            if (in.readableBytes() < 1 + length) {
                return;
            }
            in.skipBytes(5);
            ByteBuf body = in.readSlice(length - 4);
            FrontendMessage message;
            try {
                message = typedMessage(type, body);
                expectEnd(body);
            } catch (Malformed e) {
                // The frame is intact, so the stream stays in step: report and go on.
                out.add(new MalformedMessage(e.getMessage(), true, type));
                continue;
            }
            out.add(message);
            if (message instanceof Terminate) {
                state = State.DISCARD;
                in.skipBytes(in.readableBytes());
                return;
            }
        }
    }

    private static FrontendMessage typedMessage(byte type, ByteBuf body) {
        return switch (type) {
            case 'Q' -> new Query(readCString(body));
            case 'P' -> parse(body);
            case 'B' -> bind(body);
            case 'D' -> new Describe(readByte(body), readCString(body));
            case 'E' -> new Execute(readCString(body), readInt(body));
            case 'C' -> new Close(readByte(body), readCString(body));
            case 'S' -> new Sync();
            case 'H' -> new Flush();
            case 'X' -> new Terminate();
            case 'F' -> {
                body.skipBytes(body.readableBytes());
                yield new FunctionCall();
            }
            case 'd' -> {
                byte[] data = new byte[body.readableBytes()];
                body.readBytes(data);
                yield new CopyData(data);
            }
            case 'c' -> new CopyDone();
            case 'p' -> {
                // PasswordMessage, SASLInitialResponse or SASLResponse: which one only the session knows.
                byte[] data = new byte[body.readableBytes()];
                body.readBytes(data);
                yield new PasswordMessage(data);
            }
            case 'f' -> new CopyFail(readCString(body));
            default -> throw new Malformed("invalid frontend message type " + (type & 0xFF));
        };
    }

    private static Parse parse(ByteBuf body) {
        String name = readCString(body);
        String query = readCString(body);
        int count = readCount(body);
        if (body.readableBytes() < count * 4) {
            throw new Malformed("insufficient data left in message");
        }
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = body.readInt();
        }
        return new Parse(name, query, oids);
    }

    private static Bind bind(ByteBuf body) {
        String portal = readCString(body);
        String statement = readCString(body);
        short[] parameterFormats = readShorts(body);
        int count = readCount(body);
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int length = readInt(body);
            if (length == -1) {
                continue;
            }
            if (length < 0 || length > body.readableBytes()) {
                throw new Malformed("insufficient data left in message");
            }
            values[i] = new byte[length];
            body.readBytes(values[i]);
        }
        short[] resultFormats = readShorts(body);
        return new Bind(portal, statement, parameterFormats, values, resultFormats);
    }

    private static short[] readShorts(ByteBuf body) {
        int count = readCount(body);
        if (body.readableBytes() < count * 2) {
            throw new Malformed("insufficient data left in message");
        }
        short[] values = new short[count];
        for (int i = 0; i < count; i++) {
            values[i] = body.readShort();
        }
        return values;
    }

    private static String readCString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new Malformed("invalid string in message");
        }
        String s = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return s;
    }

    private static byte readByte(ByteBuf body) {
        if (body.readableBytes() < 1) {
            throw new Malformed("insufficient data left in message");
        }
        return body.readByte();
    }

    /** Counts are Int16 on the wire, read unsigned as pq_getmsgint does. */
    private static int readCount(ByteBuf body) {
        if (body.readableBytes() < 2) {
            throw new Malformed("insufficient data left in message");
        }
        return body.readUnsignedShort();
    }

    private static int readInt(ByteBuf body) {
        if (body.readableBytes() < 4) {
            throw new Malformed("insufficient data left in message");
        }
        return body.readInt();
    }

    /** pq_getmsgend: a message must hold exactly its fields. */
    private static void expectEnd(ByteBuf body) {
        if (body.isReadable()) {
            throw new Malformed("invalid message format");
        }
    }

    /** Control flow inside the decoder only; leaves as a {@link MalformedMessage}. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}

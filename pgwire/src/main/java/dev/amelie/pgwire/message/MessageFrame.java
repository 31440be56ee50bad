package dev.amelie.pgwire.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Framing shared by the backend messages: type byte, then an Int32 length that counts itself
 * and the body. The length is written as a placeholder and filled in once the body is known,
 * so no message is built twice.
 */
final class MessageFrame {
    private MessageFrame() {
    }

    /** Writes the type byte and a length placeholder; returns where the length goes. */
    static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    /** A message with no body (length 4). */
    static void empty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    /** A String as the protocol's null-terminated UTF-8 "String". */
    static void writeCString(ByteBuf out, CharSequence s) {
        ByteBufUtil.writeUtf8(out, s);
        out.writeByte(0);
    }
}

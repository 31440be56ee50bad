package dev.amelie.pgwire.message;

import dev.amelie.pgwire.type.PgType;
import io.netty.buffer.ByteBuf;

/** ParameterDescription ('t'): the type OID of each parameter of a prepared statement. */
public final class ParameterDescription {
    private ParameterDescription() {
    }

    public static void write(ByteBuf out, PgType[] parameterTypes) {
        int start = MessageFrame.begin(out, 't');
        out.writeShort(parameterTypes.length);
        for (PgType type : parameterTypes) {
            out.writeInt(type.oid());
        }
        MessageFrame.end(out, start);
    }
}

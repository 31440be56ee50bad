package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.RegClass;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * {@code regclass}: the relation's name as text (regclassout), its OID as binary (regclasssend).
 * A parameter of the type would need the catalog to read: not taken yet.
 */
final class RegClassCodec implements TypeCodec {
    static final RegClassCodec INSTANCE = new RegClassCodec();

    @Override
    public void writeText(ByteBuf out, Object value) {
        ByteBufUtil.writeUtf8(out, value.toString());
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        out.writeInt((int) ((RegClass) value).oid());
    }

    @Override
    public Object readText(String text) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "regclass parameters are not supported yet");
    }

    @Override
    public Object readBinary(ByteBuf in) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "regclass parameters are not supported yet");
    }
}

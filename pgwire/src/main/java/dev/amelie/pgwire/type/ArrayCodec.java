package dev.amelie.pgwire.type;

import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.ArrayText;
import dev.amelie.vm.value.SqlArray;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * One-dimensional arrays: {@code {1,2,NULL}} as text; binary as array_send writes it: the
 * number of dimensions (0 when empty), a has-nulls flag, the element type's OID, then for the one
 * dimension its length and lower bound (1), then each element as a length word (-1 for NULL)
 * and the element's own binary form.
 */
final class ArrayCodec implements TypeCodec {
    private final SqlType elementType;
    private final int elementOid;
    private final TypeCodec element;

    ArrayCodec(SqlType elementType, int elementOid, TypeCodec element) {
        this.elementType = elementType;
        this.elementOid = elementOid;
        this.element = element;
    }

    @Override
    public void writeText(ByteBuf out, Object value) {
        writeText(out, value, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    @Override
    public void writeText(ByteBuf out, Object value, java.time.ZoneId zone) {
        ByteBufUtil.writeUtf8(out, ArrayText.format((SqlArray) value, zone));
    }

    @Override
    public void writeBinary(ByteBuf out, Object value) {
        Object[] elements = ((SqlArray) value).elements();
        boolean nulls = false;
        for (Object e : elements) {
            nulls |= e == null;
        }
        out.writeInt(elements.length == 0 ? 0 : 1);
        out.writeInt(nulls ? 1 : 0);
        out.writeInt(elementOid);
        if (elements.length == 0) {
            return;
        }
        out.writeInt(elements.length);
        out.writeInt(1);
        for (Object e : elements) {
            if (e == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthAt = out.writerIndex();
            out.writeInt(0);
            element.writeBinary(out, e);
            out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
    }

    @Override
    public Object readText(String text) {
        return readText(text, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    @Override
    public Object readText(String text, java.time.ZoneId zone) {
        return ArrayText.parse(text, elementType, zone);
    }

    @Override
    public Object readBinary(ByteBuf in) {
        if (in.readableBytes() < 12) {
            return null;
        }
        int dimensions = in.readInt();
        in.readInt(); // the has-nulls flag: the length words tell
        in.readInt(); // the element OID: the parameter's declared type decides
        if (dimensions == 0) {
            return new SqlArray(new Object[0]);
        }
        if (dimensions != 1 || in.readableBytes() < 8) {
            return null;
        }
        int length = in.readInt();
        in.readInt(); // lower bound
        if (length < 0 || length > in.readableBytes() / 4) {
            return null;
        }
        Object[] elements = new Object[length];
        for (int i = 0; i < length; i++) {
            if (in.readableBytes() < 4) {
                return null;
            }
            int size = in.readInt();
            if (size == -1) {
                continue;
            }
            if (size < 0 || size > in.readableBytes()) {
                return null;
            }
            elements[i] = element.readBinary(in.readSlice(size));
            if (elements[i] == null) {
                return null;
            }
        }
        return new SqlArray(elements);
    }
}

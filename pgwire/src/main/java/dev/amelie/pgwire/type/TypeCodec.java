package dev.amelie.pgwire.type;

import io.netty.buffer.ByteBuf;

/**
 * Converts values of one PostgreSQL type between their Java form (see {@code SqlType}) and the
 * wire, in both formats. One implementation per type, as PostgreSQL has one in/out/send/recv
 * function set per type (see {@code pg_type.typinput} etc.).
 *
 * <p>Writers append the value's bytes only; the caller frames them (the length word of a
 * DataRow column). Readers throw {@code SqlException} with PostgreSQL's SQLSTATE and message.
 */
public interface TypeCodec {

    /** Appends the text form (the type's output function), UTF-8. */
    void writeText(ByteBuf out, Object value);

    /**
     * Appends the text form as a session whose TimeZone is {@code zone} sees it: only a
     * timestamptz (and arrays of it) shows differently, in that zone.
     */
    default void writeText(ByteBuf out, Object value, java.time.ZoneId zone) {
        writeText(out, value);
    }

    /** Appends the binary form (the type's send function). */
    void writeBinary(ByteBuf out, Object value);

    /** Parses the text form (the type's input function). */
    Object readText(String text);

    /** Parses the text form in a session whose TimeZone is {@code zone} (a timestamptz without offset is in it). */
    default Object readText(String text, java.time.ZoneId zone) {
        return readText(text);
    }

    /**
     * Parses the binary form (the type's receive function) from all readable bytes of
     * {@code in}. Returns null when the bytes do not have the length or layout the type needs;
     * the caller turns that into 22P03 naming the parameter, as PostgreSQL's bind does.
     */
    Object readBinary(ByteBuf in);
}

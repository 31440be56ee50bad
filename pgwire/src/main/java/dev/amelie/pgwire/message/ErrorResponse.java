package dev.amelie.pgwire.message;

import dev.amelie.vm.error.SqlException;
import io.netty.buffer.ByteBuf;

/**
 * ErrorResponse ('E'). Fields as in the protocol chapter "Error and Notice Message Fields":
 * S (localized severity) and V (never localized; we do not localize, so both are equal),
 * C (SQLSTATE), M (message), then D (detail), H (hint), P (1-based position in the
 * statement) and W (context) when present. File/line/routine fields (F, L, R) are left out: they name
 * PostgreSQL's C sources, which mean nothing here.
 */
public final class ErrorResponse {
    /** Severity of an error that ends the connection. */
    public static final String FATAL = "FATAL";

    private ErrorResponse() {
    }

    /** An error with the exception's own severity (ERROR). */
    public static void write(ByteBuf out, SqlException error) {
        write(out, error.severity(), error);
    }

    public static void write(ByteBuf out, String severity, SqlException error) {
        writeFields(out, 'E', severity, error);
    }

    static void writeFields(ByteBuf out, char type, String severity, SqlException error) {
        int start = MessageFrame.begin(out, type);
        field(out, 'S', severity);
        field(out, 'V', severity);
        field(out, 'C', error.state().code());
        field(out, 'M', error.getMessage() == null ? "" : error.getMessage());
        if (error.detail() != null) {
            field(out, 'D', error.detail());
        }
        if (error.hint() != null) {
            field(out, 'H', error.hint());
        }
        if (error.position() > 0) {
            field(out, 'P', Integer.toString(error.position()));
        }
        if (error.context() != null) {
            field(out, 'W', error.context());
        }
        out.writeByte(0);
        MessageFrame.end(out, start);
    }

    private static void field(ByteBuf out, char code, String value) {
        out.writeByte(code);
        MessageFrame.writeCString(out, value);
    }
}

package dev.amelie.pgwire.message;

import dev.amelie.vm.error.SqlException;
import io.netty.buffer.ByteBuf;

/**
 * NoticeResponse ('N'): same fields as ErrorResponse, for warnings and notices that do not
 * stop anything. The notice travels as a SqlException only because that type already carries
 * SQLSTATE, message, detail, hint and position.
 */
public final class NoticeResponse {
    private NoticeResponse() {
    }

    /** {@code severity}: WARNING, NOTICE, INFO, LOG or DEBUG. */
    public static void write(ByteBuf out, String severity, SqlException notice) {
        ErrorResponse.writeFields(out, 'N', severity, notice);
    }
}

package dev.amelie.vm.error;

/**
 * An error that reaches a client as an ErrorResponse. Thrown by the place that knows what went
 * wrong; the protocol layer only encodes it. {@code position} is the 1-based character position
 * in the statement text (the ErrorResponse 'P' field), or 0 when unknown.
 */
public class SqlException extends RuntimeException {
    private final SqlState state;
    private final String detail;
    private final String hint;
    private final int position;
    /** Where the error happened (ErrorResponse 'W'), e.g. COPY's "COPY t, line 3, column v: ...", or null. */
    private final String context;

    public SqlException(SqlState state, String message) {
        this(state, message, null, null, 0, null);
    }

    public SqlException(SqlState state, String message, Throwable cause) {
        this(state, message, null, null, 0, cause);
    }

    public SqlException(SqlState state, String message, String detail, String hint, int position, Throwable cause) {
        this(state, message, detail, hint, position, null, cause);
    }

    public SqlException(SqlState state, String message, String detail, String hint, int position, String context,
                        Throwable cause) {
        super(message, cause);
        this.state = state;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.context = context;
    }

    /**
     * A failed write to disk as PostgreSQL reports it: 53100 when the system said the disk is
     * full (anywhere in {@code cause}'s chain), 58030 for anything else; the message is
     * {@code what: message}.
     */
    public static SqlException ioFailure(String what, String message, Throwable cause) {
        SqlState state = SqlState.IO_ERROR;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                state = SqlState.DISK_FULL;
            }
        }
        return new SqlException(state, what + ": " + message, cause);
    }

    /** The same error with its context (ErrorResponse 'W') set, as PostgreSQL's error context callbacks add it. */
    public SqlException withContext(String newContext) {
        return new SqlException(state, getMessage(), detail, hint, position, newContext, this);
    }

    public SqlState state() {
        return state;
    }

    /** Optional secondary message (ErrorResponse 'D'), or null. */
    public String detail() {
        return detail;
    }

    /** Optional suggestion (ErrorResponse 'H'), or null. */
    public String hint() {
        return hint;
    }

    /** 1-based cursor position in the query text, 0 when unknown. */
    public int position() {
        return position;
    }

    /** Where the error happened (ErrorResponse 'W'), or null. */
    public String context() {
        return context;
    }

    /** Severity word of the ErrorResponse 'S' and 'V' fields. */
    public String severity() {
        return "ERROR";
    }
}

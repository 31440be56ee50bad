package dev.amelie.pgwire.session;

import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.type.FormatCode;

import java.util.List;

/**
 * A bound statement and, once run, its result and how far the client has fetched it.
 *
 * <p>The statement runs as a whole on the first Execute and its rows are kept here; an Execute
 * with a row limit hands them out in pieces (PortalSuspended between them), as PostgreSQL does
 * for a portal whose strategy holds its results (PORTAL_ONE_RETURNING, PORTAL_UTIL_SELECT).
 */
final class Portal {
    final String name;
    PreparedStatement statement;
    final Object[] parameters;
    /** One format per result column, or null for all text. */
    FormatCode[] resultFormats;
    /** Bind's result format codes, kept for a statement whose columns are known only once it ran. */
    short[] requestedFormats;

    private StatementResult result;
    private int position;
    private boolean completed;

    Portal(String name, PreparedStatement statement, Object[] parameters, FormatCode[] resultFormats) {
        this.name = name;
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    /** A statement planned only as it ran: now described, with the result formats Bind asked for. */
    void describe(PreparedStatement described, FormatCode[] formats) {
        this.statement = described;
        this.resultFormats = formats;
    }

    boolean hasRun() {
        return result != null;
    }

    void store(StatementResult result) {
        this.result = result;
    }

    List<Object[]> rows() {
        return result.rows() == null ? List.of() : result.rows();
    }

    String commandTag() {
        return result.commandTag();
    }

    int position() {
        return position;
    }

    void advance(int rows) {
        position += rows;
    }

    boolean isCompleted() {
        return completed;
    }

    void complete() {
        completed = true;
    }
}

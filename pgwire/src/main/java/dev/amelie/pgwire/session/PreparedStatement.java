package dev.amelie.pgwire.session;

import dev.amelie.pgwire.session.QueryEngine.PreparedQuery;
import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.pgwire.session.QueryEngine.SessionCommand;
import dev.amelie.pgwire.type.PgType;

import java.util.Arrays;
import java.util.List;

/**
 * A statement as the protocol sees it: the engine's prepared query plus what Describe reports,
 * in wire terms. Parameter types are the client's declared ones where it declared them
 * (ParameterDescription echoes them, and Bind decodes with them), else the engine's.
 * {@code query} is null for an empty query string, which PostgreSQL accepts in Parse and
 * answers with EmptyQueryResponse on Execute.
 */
final class PreparedStatement {
    final String name;
    final PreparedQuery query;
    final PgType[] parameterTypes;
    final String[] columnNames;
    final PgType[] columnTypes;
    /** PostgreSQL's typmod of each column (-1: none), for RowDescription and char(n)'s padding. */
    final int[] columnTypmods;
    /** The table column each result column is read from, for RowDescription (null: all computed). */
    final dev.amelie.pgwire.message.ColumnOrigin[] columnOrigins;

    private PreparedStatement(String name, PreparedQuery query, PgType[] parameterTypes,
                              String[] columnNames, PgType[] columnTypes, int[] columnTypmods) {
        this(name, query, parameterTypes, columnNames, columnTypes, columnTypmods, null);
    }

    private PreparedStatement(String name, PreparedQuery query, PgType[] parameterTypes, String[] columnNames,
                              PgType[] columnTypes, int[] columnTypmods, dev.amelie.pgwire.message.ColumnOrigin[] columnOrigins) {
        this.columnOrigins = columnOrigins;
        this.name = name;
        this.query = query;
        this.parameterTypes = parameterTypes;
        this.columnNames = columnNames;
        this.columnTypes = columnTypes;
        this.columnTypmods = columnTypmods;
    }

    static PreparedStatement empty(String name, PgType[] declared) {
        return new PreparedStatement(name, null, nonNull(declared), new String[0], new PgType[0], new int[0]);
    }

    /** {@code declared}: per parameter, the declared type or null when unspecified. */
    static PreparedStatement of(String name, PreparedQuery query, PgType[] declared) {
        var inferred = query.parameterTypes();
        PgType[] parameterTypes = new PgType[Math.max(declared.length, inferred.length)];
        for (int i = 0; i < parameterTypes.length; i++) {
            PgType d = i < declared.length ? declared[i] : null;
            parameterTypes[i] = d != null ? d : i < inferred.length ? PgType.ofParameter(inferred[i]) : PgType.TEXT;
        }
        String[] names;
        PgType[] types;
        int[] typmods;
        dev.amelie.pgwire.message.ColumnOrigin[] origins = null;
        SessionCommand command = query.sessionCommand();
        if (command != null) {
            names = SessionParameters.columnNames(command);
            types = new PgType[names.length];
            Arrays.fill(types, PgType.TEXT);
            typmods = new int[names.length];
            Arrays.fill(typmods, -1);
        } else {
            List<ResultColumn> columns = query.columns();
            names = new String[columns.size()];
            types = new PgType[columns.size()];
            typmods = new int[columns.size()];
            origins = new dev.amelie.pgwire.message.ColumnOrigin[columns.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = columns.get(i).name();
                types[i] = columns.get(i).wireType();
                typmods[i] = columns.get(i).typmod();
                origins[i] = columns.get(i).origin();
            }
        }
        return new PreparedStatement(name, query, parameterTypes, names, types, typmods, origins);
    }

    /**
     * The statement with the rows of a FETCH described: the columns of its cursor as it is now
     * (null: no such cursor, and the statement stays as it is, describing no rows).
     */
    PreparedStatement describingCursor(List<ResultColumn> cursorColumns) {
        if (cursorColumns == null) {
            return this;
        }
        String[] names = new String[cursorColumns.size()];
        PgType[] types = new PgType[names.length];
        int[] typmods = new int[names.length];
        dev.amelie.pgwire.message.ColumnOrigin[] origins = new dev.amelie.pgwire.message.ColumnOrigin[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = cursorColumns.get(i).name();
            types[i] = cursorColumns.get(i).wireType();
            typmods[i] = cursorColumns.get(i).typmod();
            origins[i] = cursorColumns.get(i).origin();
        }
        return new PreparedStatement(name, query, parameterTypes, names, types, typmods, origins);
    }

    private static PgType[] nonNull(PgType[] declared) {
        PgType[] types = declared.clone();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                types[i] = PgType.TEXT;
            }
        }
        return types;
    }

    boolean isEmptyQuery() {
        return query == null;
    }

    SessionCommand sessionCommand() {
        return query == null ? null : query.sessionCommand();
    }

    /** Planned only when it runs (QueryEngine#prepareInChangedBlock) and not run yet: its rows are not known. */
    boolean describedWhenRun() {
        return query != null && !query.planned();
    }

    /** The statement as Describe reports it now: once its query is planned, with its columns. */
    PreparedStatement current() {
        return query == null || !query.planned() || columnNames.length > 0 || query.columns().isEmpty() ? this
                : of(name, query, parameterTypes);
    }

    boolean returnsRows() {
        return columnNames.length > 0;
    }

    /** How many parameter values the engine expects (the client may have declared more). */
    int engineParameterCount() {
        return query == null ? 0 : query.parameterTypes().length;
    }
}

package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE … AS, CREATE MATERIALIZED VIEW and REFRESH: the table takes the query's column
 * names and types (with their typmods), then an INSERT of the query fills it in the same
 * transaction. Returns the number of rows, which PostgreSQL reports as {@code SELECT n}.
 */
final class TableFromQuery {
    private static final Object[] NO_PARAMETERS = new Object[0];
    private static final SqlType[] NO_TYPES = new SqlType[0];

    private final Planner planner;

    TableFromQuery(Planner planner) {
        this.planner = planner;
    }

    /** The rows it was filled with; -1 when it existed and IF NOT EXISTS said to skip it. */
    long create(Transaction transaction, PlannedStatement.CreateTableAs create) {
        if (transaction.tableExists(create.schema(), create.name()) && create.ifNotExists()) {
            return -1;
        }
        PlannedStatement planned = planner.plan(create.query(), NO_TYPES);
        if (!(planned instanceof PlannedStatement.Query query) || query.columns().isEmpty()
                || query.program().kind() != dev.amelie.vm.program.Program.StatementKind.SELECT) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + create.query().split("\\s+")[0] + "\"");
        }
        if (query.parameterTypes().length > 0) {
            throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $1");
        }
        if (create.columnNames().size() > query.columns().size()) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < query.columns().size(); i++) {
            PlannedStatement.ResultColumn column = query.columns().get(i);
            String name = i < create.columnNames().size() ? create.columnNames().get(i) : column.name();
            if (!names.add(name)) {
                throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            columns.add(columnOf(name, column));
        }
        transaction.createTable(new TableDef(0, create.schema(), create.name(), columns, new int[0],
                create.materialized() ? create.query() : null), false);
        return create.withData() ? fill(transaction, create.schema(), create.name(), create.query()) : 0;
    }

    /** REFRESH MATERIALIZED VIEW: its rows are replaced by what its query returns now. */
    void refresh(Transaction transaction, PlannedStatement.RefreshMaterializedView refresh) {
        PlannedStatement.QualifiedName name = refresh.name();
        TableDef def = planner.table(name);
        if (def == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name.name() + "\" does not exist");
        }
        if (!def.isMaterializedView()) {
            throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a materialized view");
        }
        transaction.truncate(name.schema(), name.name());
        if (refresh.withData()) {
            fill(transaction, name.schema(), name.name(), def.materializedQuery());
        }
    }

    private long fill(Transaction transaction, String schema, String table, String query) {
        PlannedStatement.Query insert = planner.planFill("insert into " + quoted(schema) + "." + quoted(table) + " " + query);
        StatementOutcome outcome = transaction.run(insert.program(), NO_PARAMETERS);
        return outcome.affected();
    }

    /** A column of the query's type; a literal of unknown type makes a text column, as in PostgreSQL. */
    private static ColumnDef columnOf(String name, PlannedStatement.ResultColumn column) {
        SqlType type = column.type() == SqlType.UNKNOWN ? SqlType.TEXT : column.type();
        int typmod = column.typmod();
        if (type == SqlType.NUMERIC && typmod >= 4) {
            return new ColumnDef(name, type, false, null, null, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0x7ff);
        }
        CharacterType character = column.character() == null ? CharacterType.TEXT : column.character();
        int length = typmod >= 4 && character != CharacterType.TEXT ? typmod - 4 : -1;
        return new ColumnDef(name, type, false, null, null, length, -1, character);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

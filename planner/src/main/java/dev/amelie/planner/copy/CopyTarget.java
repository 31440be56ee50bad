package dev.amelie.planner.copy;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The table and columns a COPY reads or writes, resolved against one catalog version.
 *
 * @param positions the copied columns' positions in the table, in COPY order
 */
public record CopyTarget(TableDef table, int[] positions, long catalogVersion) {

    /** Resolves the table and column list as CopyGetAttnums does (copy.c), with its messages. */
    public static CopyTarget resolve(CopyStatement copy, Catalog catalog) {
        String schema = copy.schema() == null ? Catalog.DEFAULT_SCHEMA : copy.schema();
        Table table = catalog.table(schema, copy.table());
        if (table == null) {
            if (catalog.view(schema, copy.table()) != null) {
                throw copy.from()
                        ? new SqlException(SqlState.WRONG_OBJECT_TYPE, "cannot copy to view \"" + copy.table() + "\"")
                        : new SqlException(SqlState.WRONG_OBJECT_TYPE, "cannot copy from view \"" + copy.table() + "\"",
                                null, "Try the COPY (SELECT ...) TO variant.", 0, null);
            }
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + copy.table() + "\" does not exist");
        }
        TableDef def = table.def();
        int[] positions;
        if (copy.columns().isEmpty()) {
            positions = new int[def.columns().size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
        } else {
            positions = new int[copy.columns().size()];
            for (int i = 0; i < positions.length; i++) {
                String name = copy.columns().get(i);
                int position = def.columnIndex(name);
                if (position < 0) {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + name + "\" of relation \"" + def.name() + "\" does not exist");
                }
                for (int j = 0; j < i; j++) {
                    if (positions[j] == position) {
                        throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
                    }
                }
                positions[i] = position;
            }
        }
        return new CopyTarget(def, positions, catalog.version());
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(positions.length);
        for (int position : positions) {
            names.add(def().columns().get(position).name());
        }
        return names;
    }

    public List<SqlType> columnTypes() {
        List<SqlType> types = new ArrayList<>(positions.length);
        for (int position : positions) {
            types.add(def().columns().get(position).type());
        }
        return types;
    }

    /** The SELECT that COPY table TO reads: the copied columns, quoted as written in the catalog. */
    public String selectText() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < positions.length; i++) {
            ColumnDef column = def().columns().get(positions[i]);
            sql.append(i == 0 ? "" : ", ").append(quote(column.name()));
        }
        return sql.append(" from ").append(quote(def().schema())).append('.').append(quote(def().name())).toString();
    }

    private TableDef def() {
        return table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One relation of pg_catalog or information_schema: PostgreSQL 15's columns (those clients read)
 * in its order, and its rows computed from a {@link CatalogContents}. No node holds them: the host
 * computes them when a statement reads the relation, so they are always the catalog as it is.
 */
public abstract class CatalogRelation {
    /** A column of type name. */
    protected static final Object NAME = CharacterType.NAME;
    /** A column of type "char" (one byte; we hold it as text). */
    protected static final Object CHAR = CharacterType.BPCHAR;

    private final String schema;
    private final String name;
    private final List<ColumnDef> columns = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private TableDef def;

    /** {@code columns}: name, type pairs; a type is a {@link SqlType}, {@link #NAME} or {@link #CHAR}. */
    protected CatalogRelation(String schema, String name, Object... columns) {
        this.schema = schema;
        this.name = name;
        for (int i = 0; i < columns.length; i += 2) {
            String column = (String) columns[i];
            ColumnDef def = columns[i + 1] instanceof SqlType type ? new ColumnDef(column, type, false)
                    : new ColumnDef(column, SqlType.TEXT, false, null, null, -1, -1, (CharacterType) columns[i + 1]);
            positions.put(column, this.columns.size());
            this.columns.add(def);
        }
    }

    /** Gives the relation its table id (negative: read on the host, see {@link CatalogRelations}). */
    final void assign(long id) {
        this.def = new TableDef(id, schema, name, columns, new int[0]);
    }

    public final TableDef def() {
        return def;
    }

    /** The rows as the catalog has them now. */
    public abstract List<Object[]> rows(CatalogContents contents);

    /** A row with every column at its type's zero value (false, 0, null text), for {@link Row#set} to fill. */
    protected final Row row() {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (columns.get(i).type()) {
                case BOOLEAN -> false;
                case SMALLINT -> (short) 0;
                case INTEGER -> 0;
                case BIGINT, OID -> 0L;
                case REAL -> 0f;
                default -> null;
            };
        }
        return new Row(values);
    }

    /** A row being filled by column name; values are those of the column's type (Long for oid, Short for int2). */
    protected final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        public Row set(String column, Object value) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException(name + " has no column " + column);
            }
            values[position] = value;
            return this;
        }

        public Object[] values() {
            return values;
        }
    }
}

package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.vm.function.TextFunctions;
import dev.amelie.vm.type.SqlType;

import java.util.StringJoiner;

/**
 * The SQL text PostgreSQL's deparsing functions give for our objects (pg_get_indexdef,
 * pg_get_constraintdef, pg_get_expr of a default, pg_get_viewdef), written as PostgreSQL 15
 * writes them, since psql's \d and schema tools show or parse them.
 */
public final class ObjectDefinitions {
    private ObjectDefinitions() {}

    /** pg_get_indexdef: {@code CREATE [UNIQUE] INDEX name ON schema.table USING method (columns)}. */
    public static String indexDefinition(CatalogContents.Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                + quote(index.table().schema()) + "." + quote(index.table().name()) + " USING " + index.method()
                + " (" + columnList(index.table(), index.columns(), ", ") + ")";
    }

    /** pg_get_indexdef(index, column, pretty) for one column (1-based): its name. */
    public static String indexColumn(CatalogContents.Index index, int column) {
        if (column < 1 || column > index.columns().length) {
            return "";
        }
        return quote(index.table().columns().get(index.columns()[column - 1]).name());
    }

    /** pg_get_constraintdef; {@code pretty} drops the parentheses PostgreSQL's deparser puts around a whole expression. */
    public static String constraintDefinition(CatalogContents.Constraint constraint, boolean pretty) {
        if (constraint.type() == 'c' && pretty) {
            return "CHECK (" + constraint.check().expression() + ")";
        }
        return switch (constraint.type()) {
            case 'p' -> "PRIMARY KEY (" + columnList(constraint.table(), constraint.columns(), ", ") + ")";
            case 'u' -> "UNIQUE (" + columnList(constraint.table(), constraint.columns(), ", ") + ")";
            case 'c' -> "CHECK ((" + constraint.check().expression() + "))";
            default -> foreignKey(constraint);
        };
    }

    private static String foreignKey(CatalogContents.Constraint constraint) {
        ForeignKey key = constraint.foreignKey();
        TableDef referenced = constraint.referenced();
        StringBuilder text = new StringBuilder("FOREIGN KEY (")
                .append(columnList(constraint.table(), key.columns(), ", ")).append(") REFERENCES ");
        if (referenced != null) {
            if (!referenced.schema().equals(dev.amelie.compute.catalog.Catalog.DEFAULT_SCHEMA)) {
                text.append(quote(referenced.schema())).append('.');
            }
            text.append(quote(referenced.name())).append('(').append(columnList(referenced, key.referencedColumns(), ", "))
                    .append(')');
        }
        if (key.onUpdate() != null && key.onUpdate() != ForeignKey.Action.NO_ACTION) {
            text.append(" ON UPDATE ").append(key.onUpdate().sql());
        }
        if (key.onDelete() != null && key.onDelete() != ForeignKey.Action.NO_ACTION) {
            text.append(" ON DELETE ").append(key.onDelete().sql());
        }
        return text.toString();
    }

    /**
     * pg_get_expr of a column default, as PostgreSQL deparses it: a string constant carries its
     * type ({@code 'x'::text}), a sequence name its regclass ({@code nextval('s'::regclass)}),
     * and a negative number is a constant of its type ({@code '-1'::integer}).
     */
    public static String defaultExpression(ColumnDef column) {
        String text = column.defaultSql().strip();
        String type = PgTypes.format(PgTypes.oidOf(column), -1);
        if (column.type() == SqlType.TEXT && column.character() == dev.amelie.vm.type.CharacterType.BPCHAR) {
            type = "bpchar";
        }
        if (isStringLiteral(text)) {
            return text + "::" + type;
        }
        if (text.matches("-\\d+(\\.\\d+)?")) {
            return "'" + text + "'::" + type;
        }
        java.util.regex.Matcher nextval = java.util.regex.Pattern.compile("(?i)nextval\\(('(?:[^']|'')*')\\)").matcher(text);
        if (nextval.matches()) {
            return "nextval(" + nextval.group(1) + "::regclass)";
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_user",
                 "session_user", "current_role", "current_schema", "current_catalog" -> lower.toUpperCase(java.util.Locale.ROOT);
            case "now()", "true", "false", "null" -> lower;
            default -> text;
        };
    }

    private static boolean isStringLiteral(String text) {
        if (text.length() < 2 || text.charAt(0) != '\'' || text.charAt(text.length() - 1) != '\'') {
            return false;
        }
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\'') {
                if (text.charAt(i + 1) != '\'' || i + 1 == text.length() - 1) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** pg_get_viewdef: the view's query as it was written, in PostgreSQL's layout of a leading blank and a final semicolon. */
    public static String viewDefinition(ViewDef view) {
        String query = view.query().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        return " " + query + ";";
    }

    private static String columnList(TableDef table, int[] columns, String separator) {
        StringJoiner list = new StringJoiner(separator);
        for (int column : columns) {
            list.add(quote(table.columns().get(column).name()));
        }
        return list.toString();
    }

    static String quote(String identifier) {
        return TextFunctions.quoteIdent(identifier);
    }
}

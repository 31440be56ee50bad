package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.system.PgTypes;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;

/**
 * {@code 'int4'::regtype}: the type is looked up when the statement is planned, as PostgreSQL's
 * regtypein reads the constant, and the cast becomes the type's OID (clients compare it with
 * atttypid); a type name no type has is 42704 at the literal. A regtype shows as its OID here,
 * not as the name PostgreSQL prints.
 */
final class RegTypeLiterals {
    private RegTypeLiterals() {}

    static SqlNode rewrite(SqlNode node) {
        return CastRewriter.rewrite(node, (cast, value, spec) -> {
            if (!spec.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regtype")
                    || !(value instanceof SqlCharStringLiteral literal)) {
                return null;
            }
            String text = literal.getValueAs(String.class).strip();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return null;
            }
            long oid = oidOf(text);
            SqlParserPos pos = literal.getParserPosition();
            if (oid == 0) {
                throw new org.apache.calcite.runtime.CalciteContextException("type does not exist",
                        new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.UNDEFINED_OBJECT,
                                "type \"" + text + "\" does not exist"),
                        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            }
            return cast.getOperator().createCall(cast.getParserPosition(),
                    SqlLiteral.createExactNumeric(Long.toString(oid), pos), spec);
        });
    }

    /** A type named as typname (int4, _int4), as format_type shows it (integer, integer[]), perhaps in pg_catalog; 0 if none. */
    static long oidOf(String text) {
        String name = text.toLowerCase(Locale.ROOT).replace("\"", "");
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        name = switch (name) {
            case "int", "int4" -> "integer";
            case "varchar" -> "character varying";
            case "char", "bpchar" -> "character";
            case "float", "float8" -> "double precision";
            case "decimal" -> "numeric";
            case "bool" -> "boolean";
            case "timestamptz" -> "timestamp with time zone";
            case "timestamp" -> "timestamp without time zone";
            default -> name;
        };
        for (PgTypes.TypeRow row : PgTypes.rows()) {
            if (PgTypes.name(row).equals(name) || PgTypes.format(row.oid(), -1).equals(name)) {
                return row.oid();
            }
        }
        return 0;
    }
}

package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.PostgresSqlType;
import dev.amelie.planner.catalog.RelationOids;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.planner.catalog.HostRelations;
import dev.amelie.planner.catalog.system.CatalogRelations;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code 'name'::regclass}: the relation is looked up when the statement is planned, as
 * PostgreSQL's regclassin looks it up when it reads the constant, and the cast becomes
 * {@code regclass(oid, 'name')}, a constant that prints as the name. An unknown relation is
 * 42P01 at the literal.
 */
final class RegClassLiterals {
    /** Named apart from the cast function "regclass" (PostgresCasts); the column is named regclass all the same. */
    static final SqlFunction REGCLASS = new SqlFunction("regclass_constant", SqlKind.OTHER_FUNCTION,
            binding -> PostgresSqlType.create(binding.getTypeFactory(), SqlType.REGCLASS), null,
            OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM);

    private RegClassLiterals() {}

    static SqlNode rewrite(SqlNode node, Catalog catalog) {
        return CastRewriter.rewrite(node, (cast, value, spec) -> {
            if (!spec.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regclass")
                    || !(value instanceof SqlCharStringLiteral literal)) {
                return null;
            }
            String text = literal.getValueAs(String.class).strip();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return null; // an OID: the cast finds its relation when the statement runs
            }
            TableDef def = resolve(text, catalog, literal.getParserPosition());
            if (def == null) {
                return null; // a view, sequence or index: the cast finds it when the statement runs
            }
            SqlParserPos pos = cast.getParserPosition();
            return REGCLASS.createCall(pos, SqlLiteral.createExactNumeric(Long.toString(RelationOids.of(def)), pos),
                    SqlLiteral.createCharString(shown(def), pos));
        });
    }

    /** How regclassout shows the relation: its name, qualified when its schema is not on the search path. */
    private static String shown(TableDef def) {
        String name = dev.amelie.vm.function.TextFunctions.quoteIdent(def.name());
        return def.schema().equals(Catalog.DEFAULT_SCHEMA) || def.schema().equals(SystemView.SCHEMA) ? name
                : dev.amelie.vm.function.TextFunctions.quoteIdent(def.schema()) + "." + name;
    }

    private static TableDef resolve(String text, Catalog catalog, SqlParserPos pos) {
        List<String> names = qualifiedName(text);
        String name = names.getLast();
        String schema = names.size() > 1 ? names.get(names.size() - 2) : null;
        if (schema == null || !schema.equals(SystemView.SCHEMA) && !schema.equals(CatalogRelations.INFORMATION_SCHEMA)) {
            Table table = catalog.table(schema == null ? Catalog.DEFAULT_SCHEMA : schema, name);
            if (table != null) {
                return table.def();
            }
        }
        for (TableDef def : HostRelations.all()) {
            if (def.name().equals(name) && (schema == null ? def.schema().equals(SystemView.SCHEMA) : def.schema().equals(schema))) {
                return def;
            }
        }
        if (catalog.view(schema == null ? Catalog.DEFAULT_SCHEMA : schema, name) != null
                || catalog.sequence(schema == null ? Catalog.DEFAULT_SCHEMA : schema, name) != null || !catalog.tables().stream()
                .flatMap(table -> table.indexDefs().stream()).filter(index -> index.name().equals(name)).toList().isEmpty()
                || catalog.tables().stream().anyMatch(table -> table.def().hasPrimaryKey() && table.def().primaryKeyName().equals(name))) {
            return null;
        }
        throw new org.apache.calcite.runtime.CalciteContextException("relation does not exist",
                new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist"),
                pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    /** stringToQualifiedNameList: dot-separated parts, quoted ones as written, others in lower case. */
    static List<String> qualifiedName(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                part.append(Character.toLowerCase(c));
            }
        }
        parts.add(part.toString());
        return parts;
    }
}

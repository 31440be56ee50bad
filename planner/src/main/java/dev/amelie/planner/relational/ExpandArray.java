package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.system.CatalogRelations;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * information_schema._pg_expandarray(anyarray): PostgreSQL's set-returning function of records
 * {@code (x anyelement, n int)}, each element of the array with its position from 1
 * (information_schema.sql), which pgjdbc's DatabaseMetaData calls on pg_index.indkey and
 * pg_constraint.conkey. We have no composite values, so the record is taken apart where the
 * statement uses it, before validation:
 * <ul>
 * <li>{@code (_pg_expandarray(a)).x} is {@code unnest(a)} and {@code (_pg_expandarray(a)).n} is
 *     {@code generate_subscripts(a, 1)}; in one select list they run in lockstep, as the calls of
 *     PostgreSQL's ProjectSet do, so the fields of one element stay on one row;</li>
 * <li>a select-list item {@code _pg_expandarray(a) AS k} becomes the two columns {@code "k.x"}
 *     and {@code "k.n"}, and a query over it reads {@code (q.k).x} as the column {@code q."k.x"}.</li>
 * </ul>
 * A record read whole above its select list, not by a field, is not there: its columns are k.x and k.n.
 */
final class ExpandArray {
    static final String NAME = "_pg_expandarray";
    private static final List<String> FIELDS = List.of("x", "n");

    private ExpandArray() {}

    static SqlNode rewrite(SqlNode node) {
        Set<String> records = new HashSet<>();
        SqlNode expanded = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                nameFields(call, dot -> isCall(dot.operand(0)));
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall dot && dot.getKind() == SqlKind.DOT && isCall(dot.operand(0))
                        && dot.operand(1) instanceof SqlIdentifier field) {
                    return field((SqlCall) dot.operand(0), field.getSimple(), dot.getParserPosition());
                }
                if (visited instanceof SqlSelect select && select.getSelectList() != null) {
                    select.setSelectList(selectList(select.getSelectList(), records));
                }
                return visited;
            }
        });
        SqlNode result = expanded == null ? node : expanded;
        if (records.isEmpty()) {
            return result;
        }
        SqlNode read = result.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                nameFields(call, dot -> dot.operand(0) instanceof SqlIdentifier record && records.contains(record.names.getLast()));
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall dot && dot.getKind() == SqlKind.DOT
                        && dot.operand(0) instanceof SqlIdentifier record && records.contains(record.names.getLast())
                        && dot.operand(1) instanceof SqlIdentifier field && FIELDS.contains(field.getSimple())) {
                    List<String> names = new ArrayList<>(record.names);
                    names.set(names.size() - 1, record.names.getLast() + "." + field.getSimple());
                    return new SqlIdentifier(names, dot.getParserPosition());
                }
                return visited;
            }
        });
        return read == null ? result : read;
    }

    /** A select-list item (record).field without an alias is named after the field, as PostgreSQL names it. */
    private static void nameFields(SqlCall call, java.util.function.Predicate<SqlCall> record) {
        if (!(call instanceof SqlSelect select) || select.getSelectList() == null) {
            return;
        }
        SqlNodeList list = select.getSelectList();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof SqlCall dot && dot.getKind() == SqlKind.DOT && record.test(dot)
                    && dot.operand(1) instanceof SqlIdentifier field) {
                list.set(i, SqlStdOperatorTable.AS.createCall(dot.getParserPosition(), dot,
                        new SqlIdentifier(field.getSimple(), field.getParserPosition())));
            }
        }
    }

    /** Whether a node calls _pg_expandarray, unqualified or as information_schema's. */
    private static boolean isCall(SqlNode node) {
        if (!(node instanceof SqlBasicCall call) || call.getKind() != SqlKind.OTHER_FUNCTION || call.operandCount() != 1
                || call.getOperator().getNameAsId() == null) {
            return false;
        }
        List<String> names = call.getOperator().getNameAsId().names;
        return names.getLast().equalsIgnoreCase(NAME)
                && (names.size() == 1 || names.size() == 2 && names.getFirst().equalsIgnoreCase(CatalogRelations.INFORMATION_SCHEMA));
    }

    private static SqlNode field(SqlCall call, String field, SqlParserPos pos) {
        SqlNode array = call.operand(0);
        return switch (field) {
            case "x" -> Unnest.FUNCTION.createCall(pos, array);
            case "n" -> Unnest.SUBSCRIPTS.createCall(pos, array, SqlLiteral.createExactNumeric("1", pos));
            default -> throw new SqlException(SqlState.UNDEFINED_COLUMN, "could not identify column \"" + field + "\" in record data type");
        };
    }

    /** A select list with each whole-record item as one column per field, named record.field. */
    private static SqlNodeList selectList(SqlNodeList list, Set<String> records) {
        List<SqlNode> items = new ArrayList<>();
        boolean changed = false;
        for (SqlNode item : list) {
            SqlNode value = item;
            String name = NAME;
            if (item instanceof SqlCall as && as.getKind() == SqlKind.AS && as.operandCount() == 2
                    && as.operand(1) instanceof SqlIdentifier alias) {
                value = as.operand(0);
                name = alias.getSimple();
            }
            if (!isCall(value)) {
                items.add(item);
                continue;
            }
            changed = true;
            records.add(name);
            SqlParserPos pos = item.getParserPosition();
            for (String field : FIELDS) {
                items.add(SqlStdOperatorTable.AS.createCall(pos, field((SqlCall) value, field, pos),
                        new SqlIdentifier(name + "." + field, pos)));
            }
        }
        return changed ? new SqlNodeList(items, list.getParserPosition()) : list;
    }
}

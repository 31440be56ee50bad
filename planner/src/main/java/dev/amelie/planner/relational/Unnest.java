package dev.amelie.planner.relational;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnnestOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's unnest(anyarray): the elements of an array as rows, in storage order (all the
 * elements of a multidimensional array, row by row).
 *
 * <p>In the select list it is a set-returning function ({@link #FUNCTION}): the row is repeated
 * once per element, and several such calls in one list run in lockstep, the shorter ones
 * padded with NULLs, as PostgreSQL's ProjectSet (the lowering's {@code ProjectSetLowering}).
 *
 * <p>In FROM it is Calcite's UNNEST (Uncollect), which may read the FROM items before it as
 * PostgreSQL's implicitly LATERAL function calls do; {@link #nameColumns} gives its columns
 * PostgreSQL's names: {@code unnest} (or the alias, for one array) and {@code ordinality}.
 * Several arrays are zipped, the shorter padded with NULLs (not Calcite's cross product).
 */
public final class Unnest {
    private Unnest() {}

    public static final String NAME = "unnest";

    /** unnest(array) in a select list: of the element type; rows made by the lowering. */
    public static final SqlFunction FUNCTION = new SqlFunction(NAME, SqlKind.OTHER_FUNCTION, Unnest::elementType, null,
            OperandTypes.ARRAY, SqlFunctionCategory.SYSTEM);

    private static RelDataType elementType(org.apache.calcite.sql.SqlOperatorBinding binding) {
        RelDataType type = binding.getOperandType(0);
        while (type.getSqlTypeName() == SqlTypeName.ARRAY) {
            type = type.getComponentType();
        }
        return binding.getTypeFactory().createTypeWithNullability(type, true);
    }

    /**
     * generate_subscripts(array, dimension) in a select list: the subscripts of that dimension
     * (1 to its length), lowered as unnest of those subscripts so that it runs in lockstep with
     * the other set-returning calls of the list (clients zip it with unnest of the same array).
     */
    public static final SqlFunction SUBSCRIPTS = new SqlFunction("generate_subscripts", SqlKind.OTHER_FUNCTION,
            org.apache.calcite.sql.type.ReturnTypes.cascade(org.apache.calcite.sql.type.ReturnTypes.INTEGER, org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ARRAY, org.apache.calcite.sql.type.SqlTypeFamily.INTEGER),
            SqlFunctionCategory.SYSTEM);

    /** Whether a call is a select-list set-returning call lowered as unnest (unnest, generate_subscripts). */
    public static boolean isSetReturning(org.apache.calcite.sql.SqlOperator operator) {
        return operator == FUNCTION || operator == SUBSCRIPTS;
    }

    /** Whether a projection has a select-list unnest, whose rows a merge with another projection would lose or repeat. */
    static boolean inProject(org.apache.calcite.rel.core.Project project) {
        for (org.apache.calcite.rex.RexNode expression : project.getProjects()) {
            if (org.apache.calcite.rex.RexUtil.findOperatorCall(FUNCTION, expression) != null
                    || org.apache.calcite.rex.RexUtil.findOperatorCall(SUBSCRIPTS, expression) != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement calls the select-list unnest anywhere. */
    static boolean calledIn(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                found[0] |= isSetReturning(call.getOperator());
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Every FROM item UNNEST(…) [WITH ORDINALITY] [AS alias [(columns)]] with PostgreSQL's column names. */
    static SqlNode nameColumns(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlSelect select && select.getFrom() != null) {
                    select.setFrom(fromItem(select.getFrom()));
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    private static SqlNode fromItem(SqlNode item) {
        if (item instanceof SqlJoin join) {
            join.setLeft(fromItem(join.getLeft()));
            join.setRight(fromItem(join.getRight()));
            return join;
        }
        if (item.getKind() == SqlKind.UNNEST) {
            return named((SqlCall) item, null, List.of());
        }
        if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operand(0).getKind() == SqlKind.UNNEST
                && as.operand(1) instanceof SqlIdentifier alias) {
            List<SqlNode> columns = as.getOperandList().subList(2, as.operandCount());
            return named(as.operand(0), alias, columns);
        }
        return item;
    }

    /** {@code unnest AS alias(columns…)}: the columns named are kept, the others named as PostgreSQL names them. */
    private static SqlNode named(SqlCall unnest, SqlIdentifier alias, List<SqlNode> named) {
        SqlParserPos pos = unnest.getParserPosition();
        int arrays = unnest.operandCount();
        boolean ordinality = ((SqlUnnestOperator) unnest.getOperator()).withOrdinality;
        List<SqlNode> operands = new ArrayList<>();
        operands.add(unnest);
        operands.add(alias != null ? alias : new SqlIdentifier(NAME, pos));
        for (int i = 0; i < arrays + (ordinality ? 1 : 0); i++) {
            if (i < named.size()) {
                operands.add(named.get(i));
            } else if (i == arrays) {
                operands.add(new SqlIdentifier("ordinality", pos));
            } else {
                // One array: the alias names its column too, as for any function of one column.
                // (PostgreSQL names the columns of several all unnest; Calcite wants them distinct.)
                operands.add(new SqlIdentifier(arrays == 1 && alias != null ? alias.getSimple()
                        : i == 0 ? NAME : NAME + "_" + (i + 1), pos));
            }
        }
        return SqlStdOperatorTable.AS.createCall(pos, operands);
    }
}

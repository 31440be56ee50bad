package dev.amelie.planner.relational;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL's array functions, polymorphic over the element type as PostgreSQL's anyarray and
 * anyelement are (the lowering runs them by name). Calcite's library has some of these names
 * with other arities or meanings (BigQuery's one-argument array_length), so ours come first.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    private static final SqlReturnTypeInference INTEGER = ReturnTypes.INTEGER_NULLABLE;

    /** The array type of the argument at {@code arrayAt}, or of an array of the element at {@code elementAt}. */
    private static SqlReturnTypeInference arrayOf(int arrayAt, int elementAt) {
        return binding -> {
            RelDataType array = binding.getOperandType(arrayAt);
            if (array.getSqlTypeName() == SqlTypeName.ARRAY) {
                return binding.getTypeFactory().createTypeWithNullability(array, true);
            }
            RelDataType element = binding.getOperandType(elementAt);
            return binding.getTypeFactory().createTypeWithNullability(binding.getTypeFactory().createArrayType(
                    binding.getTypeFactory().createTypeWithNullability(element, true), -1), true);
        };
    }

    private static SqlFunction function(String name, SqlReturnTypeInference type, org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.SYSTEM);
    }

    private static RelDataType textArray(SqlOperatorBinding binding) {
        var factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createArrayType(
                factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true), -1), true);
    }

    /**
     * x op ANY(array), x op ALL(array): what {@link #rewrite} makes of a quantified comparison
     * with an array; the third operand names the comparison ('=', '<>', '<', '<=', '>', '>=').
     * The array may be an untyped literal or NULL, as in PostgreSQL, so any operand type is taken
     * here and the lowering checks it.
     */
    public static final SqlFunction ANY = new SqlFunction("array_op_any", SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE,
            ArrayFunctions::quantifiedParameterTypes, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.SYSTEM);
    public static final SqlFunction ALL = new SqlFunction("array_op_all", SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE,
            ArrayFunctions::quantifiedParameterTypes, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.SYSTEM);

    /**
     * A parameter in x op ANY($1) is an array of x's type, and $1 op ANY(a) of a's element type,
     * as PostgreSQL resolves them (Prisma sends {@code nspname = ANY($1)} with a text[] parameter).
     */
    private static void quantifiedParameterTypes(org.apache.calcite.sql.SqlCallBinding binding, RelDataType returnType,
                                                 RelDataType[] operandTypes) {
        var validator = binding.getValidator();
        RelDataType unknown = validator.getUnknownType();
        RelDataType[] derived = new RelDataType[operandTypes.length];
        for (int i = 0; i < derived.length; i++) {
            derived[i] = validator.deriveType(binding.getScope(), binding.operand(i));
        }
        System.arraycopy(derived, 0, operandTypes, 0, derived.length);
        if (derived[1].equals(unknown) && !derived[0].equals(unknown)) {
            operandTypes[1] = binding.getTypeFactory().createArrayType(derived[0], -1);
        } else if (derived[0].equals(unknown) && derived[1].getComponentType() != null) {
            operandTypes[0] = derived[1].getComponentType();
        }
    }

    /**
     * a[lo:hi] (the parser's text rewrite makes it {@code a[amelie_slice(lo, hi, given)]}): the
     * elements from lo to hi, an omitted bound (not in {@code given}: 1 lower, 2 upper) the
     * array's own; of the array's type.
     */
    static final SqlFunction SLICE = function("array_slice", arrayOf(0, 0), OperandTypes.family(SqlTypeFamily.ARRAY,
            SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER));

    /**
     * {@code x op ANY(a)}, {@code x op SOME(a)} and {@code x op ALL(a)} where {@code a} is no
     * subquery compare with an array's elements (ScalarArrayOpExpr); Calcite's quantified
     * operators insist on its own type rules there ('red' = ANY(text_array) fails), so they
     * become calls of {@link #ANY} and {@link #ALL}.
     */
    static org.apache.calcite.sql.SqlNode rewrite(org.apache.calcite.sql.SqlNode node) {
        org.apache.calcite.sql.SqlNode rewritten = node.accept(new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public org.apache.calcite.sql.SqlNode visit(org.apache.calcite.sql.SqlCall call) {
                org.apache.calcite.sql.SqlNode visited = super.visit(call);
                if (visited instanceof org.apache.calcite.sql.SqlCall item && item.getKind() == SqlKind.ITEM
                        && item.operand(1) instanceof org.apache.calcite.sql.SqlCall bounds
                        && bounds.getOperator().getName().equalsIgnoreCase("amelie_slice")) {
                    return SLICE.createCall(item.getParserPosition(), item.operand(0), bounds.operand(0), bounds.operand(1),
                            bounds.operand(2));
                }
                if (visited instanceof org.apache.calcite.sql.SqlCall quantified
                        && quantified.getOperator() instanceof org.apache.calcite.sql.fun.SqlQuantifyOperator operator
                        && quantified.operandCount() == 2 && !isQuery(quantified.operand(1))) {
                    String comparison = comparisonSymbol(operator.comparisonKind);
                    org.apache.calcite.sql.SqlNode array = quantified.operand(1);
                    if (array instanceof org.apache.calcite.sql.SqlNodeList list && list.size() == 1) {
                        array = list.get(0); // the parser's parenthesized list of one expression
                    }
                    if (comparison != null && !(array instanceof org.apache.calcite.sql.SqlNodeList)) {
                        org.apache.calcite.sql.parser.SqlParserPos pos = quantified.getParserPosition();
                        return (operator.getKind() == SqlKind.ALL ? ALL : ANY).createCall(pos, quantified.operand(0), array,
                                org.apache.calcite.sql.SqlLiteral.createCharString(comparison, pos));
                    }
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    private static boolean isQuery(org.apache.calcite.sql.SqlNode node) {
        return node.getKind().belongsTo(SqlKind.QUERY)
                || node instanceof org.apache.calcite.sql.SqlNodeList list && list.size() == 1 && isQuery(list.get(0));
    }

    static final SqlOperatorTable TABLE = SqlOperatorTables.of(ANY, ALL, SLICE,
            function("array_length", INTEGER, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER)),
            function("array_upper", INTEGER, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER)),
            function("array_lower", INTEGER, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER)),
            function("array_to_string", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER))),
            function("string_to_array", ArrayFunctions::textArray, OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER))),
            function("array_append", arrayOf(0, 1), OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY)),
            function("array_prepend", arrayOf(1, 0), OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ARRAY)),
            function("array_cat", arrayOf(0, 0), OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ARRAY)),
            function("array_position", INTEGER, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY)),
            function("array_remove", arrayOf(0, 1), OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY)));

    /** The operator of a quantified comparison as our array_op_any/all calls name it; null for others. */
    public static String comparisonSymbol(SqlKind comparison) {
        return switch (comparison) {
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            default -> null;
        };
    }
}

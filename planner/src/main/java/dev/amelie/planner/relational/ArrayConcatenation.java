package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.planner.function.OverloadResolution;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code ||} with an array on either side, as PostgreSQL resolves it among its operators
 * anycompatiblearray || anycompatiblearray (array_cat), anycompatiblearray || anycompatible
 * (array_append) and anycompatible || anycompatiblearray (array_prepend): the element types
 * meet in their common type (select_common_type: integer with smallint is integer, with real is
 * real), and an untyped literal or NULL beside an array is an array of that type, so
 * {@code array[1] || '{2,3}'} is {1,2,3} and {@code array[1] || NULL} is {1}.
 */
public final class ArrayConcatenation {
    private ArrayConcatenation() {}

    /** Which of PostgreSQL's three functions the operator is. */
    public enum Form { CAT, APPEND, PREPEND }

    /** The function and the array type it returns. */
    public record Resolved(Form form, SqlType type) {}

    /**
     * The resolution for these operand types, null when neither is an array (not ours), 42883
     * when the types do not meet. {@code leftUnknown}/{@code rightUnknown}: the operand is an
     * untyped literal or NULL.
     */
    public static Resolved resolve(RelDataType left, boolean leftUnknown, RelDataType right, boolean rightUnknown) {
        boolean leftArray = left.getSqlTypeName() == SqlTypeName.ARRAY;
        boolean rightArray = right.getSqlTypeName() == SqlTypeName.ARRAY;
        if (!leftArray && !rightArray) {
            return null;
        }
        if (leftArray && (rightArray || rightUnknown)) {
            return new Resolved(Form.CAT, common(left, right, rightArray ? element(right) : SqlType.UNKNOWN));
        }
        if (rightArray && leftUnknown) {
            return new Resolved(Form.CAT, common(left, right, SqlType.UNKNOWN));
        }
        return leftArray ? new Resolved(Form.APPEND, common(left, right, scalar(right)))
                : new Resolved(Form.PREPEND, common(left, right, scalar(left)));
    }

    /**
     * Whether an operand of this type beside an array is an untyped literal: NULL, or a quoted
     * string, which Calcite types char(n) ({@code 'b'::text} is a varchar literal by then).
     */
    public static boolean isUntyped(RelDataType type, boolean literal) {
        return type.getSqlTypeName() == SqlTypeName.NULL || literal && type.getSqlTypeName() == SqlTypeName.CHAR;
    }

    private static SqlType common(RelDataType left, RelDataType right, SqlType other) {
        RelDataType array = left.getSqlTypeName() == SqlTypeName.ARRAY ? left : right;
        SqlType element = element(array);
        SqlType common = OverloadResolution.commonType(new SqlType[] {element, other});
        SqlType result = common == null ? null : common.arrayOf();
        if (result == null) {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + name(left) + " || " + name(right),
                    null, "No operator matches the given name and argument types. You might need to add explicit type casts.",
                    0, null);
        }
        return result;
    }

    private static SqlType element(RelDataType array) {
        return TypeMapping.fromCalcite(array).element();
    }

    private static SqlType scalar(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.NULL ? SqlType.UNKNOWN : TypeMapping.fromCalcite(type);
    }

    private static String name(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.NULL ? "unknown" : TypeMapping.fromCalcite(type).sqlName();
    }
}

package dev.amelie.planner.relational;

import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.value.TypeModifiers;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

import java.util.Locale;

/**
 * Casts to varchar[(n)], char[(n)], bpchar and numeric(p[, s]). PostgreSQL applies the type
 * modifier (an explicit cast cuts a string to n characters, rounds a number to s digits) and
 * reports the result as that type with that typmod; Calcite would fold a cast of a constant by
 * its own rules (truncating 1.005 to 1.00) and forget the modifier. Such casts become calls of
 * {@link #VARCHAR}, {@link #BPCHAR} or {@link #NUMERIC}, whose last operands are the modifier,
 * which the lowering turns into the run-time cast and the result columns into the wire type.
 */
public final class TypeModifierCasts {
    private TypeModifierCasts() {}

    /** varchar(x, n): x::varchar(n), n -1 for varchar without length. Named as PostgreSQL names the column. */
    public static final SqlFunction VARCHAR = textCast("varchar");
    /** bpchar(x, n): x::char(n), n -1 for bpchar without length. */
    public static final SqlFunction BPCHAR = textCast("bpchar");
    /** name(x, n): x::name, cut to 63 bytes (n is -1: name has no modifier). */
    public static final SqlFunction NAME = textCast("name");
    /** numeric(x, p, s): x::numeric(p, s). Typed as our numeric columns are (see UnconstrainedNumeric). */
    public static final SqlFunction NUMERIC = new SqlFunction("numeric", SqlKind.OTHER_FUNCTION,
            ReturnTypes.cascade(binding -> binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 6),
                    SqlTypeTransforms.TO_NULLABLE),
            // $1::numeric(12, 3): the parameter is numeric, as PostgreSQL types it.
            (binding, returnType, operandTypes) -> {
                operandTypes[0] = binding.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 38, 6);
                operandTypes[1] = binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
                operandTypes[2] = binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
            },
            OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.INTEGER,
                    org.apache.calcite.sql.type.SqlTypeFamily.INTEGER), SqlFunctionCategory.NUMERIC);

    private static SqlFunction textCast(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION,
                ReturnTypes.cascade(binding -> binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
                        SqlTypeTransforms.TO_NULLABLE),
                // $1::varchar(20): the parameter is text (varchar to the client), not unknown.
                (binding, returnType, operandTypes) -> {
                    operandTypes[0] = binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR);
                    operandTypes[1] = binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
                },
                OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.ANY, org.apache.calcite.sql.type.SqlTypeFamily.INTEGER),
                SqlFunctionCategory.STRING);
    }

    /** Whether this operator is one of these casts. */
    public static boolean isCast(SqlOperator operator) {
        return operator == VARCHAR || operator == BPCHAR || operator == NAME || operator == NUMERIC;
    }

    /** The character type a call of {@link #VARCHAR} or {@link #BPCHAR} gives. */
    public static CharacterType characterType(SqlOperator operator) {
        return operator == BPCHAR ? CharacterType.BPCHAR : operator == VARCHAR ? CharacterType.VARCHAR
                : operator == NAME ? CharacterType.NAME : CharacterType.TEXT;
    }

    /** PostgreSQL's typmod of such a cast's result, from its modifier operands. */
    public static int typmod(SqlOperator operator, int[] modifiers) {
        return operator == NUMERIC ? TypeModifiers.numericTypmod(modifiers[0], modifiers[1])
                : operator == NAME ? -1 : TypeModifiers.characterTypmod(modifiers[0]);
    }

    static SqlNode rewrite(SqlNode node) {
        return CastRewriter.rewrite(node, (cast, value, spec) -> replacement(value, spec, cast.getParserPosition()));
    }

    private static SqlNode replacement(SqlNode value, SqlDataTypeSpec spec, SqlParserPos pos) {
        if (spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlCollectionTypeNameSpec) {
            return null; // arrays keep no modifier of their elements (PostgresCasts)
        }
        if (spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic) {
            int precision = basic.getPrecision();
            String name = basic.getTypeName().getSimple().toUpperCase(Locale.ROOT);
            switch (name) {
                case "VARCHAR" -> {
                    checkLength(precision, "varchar", spec);
                    return VARCHAR.createCall(pos, value, integer(precision, pos));
                }
                case "CHAR" -> {
                    checkLength(precision, "char", spec);
                    // char alone is char(1), as in a column.
                    return BPCHAR.createCall(pos, value, integer(precision < 0 ? 1 : precision, pos));
                }
                case "DECIMAL" -> {
                    if (precision < 0) {
                        return null; // numeric alone keeps every digit (UnconstrainedNumeric)
                    }
                    if (precision < 1 || precision > 1000) {
                        throw invalid("NUMERIC precision " + precision + " must be between 1 and 1000", spec);
                    }
                    return NUMERIC.createCall(pos, value, integer(precision, pos),
                            integer(Math.max(basic.getScale(), 0), pos));
                }
                default -> {
                    return null;
                }
            }
        }
        String name = spec.getTypeNameSpec().getTypeName().names.getLast().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "bpchar" -> BPCHAR.createCall(pos, value, integer(-1, pos));
            case "name" -> NAME.createCall(pos, value, integer(-1, pos));
            default -> null;
        };
    }

    /** varchar(0) and the like are 22023, as PostgreSQL's anychar_typmodin says (its bound, MaxAttrSize, Calcite's parser keeps). */
    private static void checkLength(int length, String typeName, SqlDataTypeSpec spec) {
        if (length == 0) {
            throw invalid("length for type " + typeName + " must be at least 1", spec);
        }
    }

    private static RuntimeException invalid(String message, SqlDataTypeSpec spec) {
        SqlParserPos pos = spec.getParserPosition();
        return new org.apache.calcite.runtime.CalciteContextException(message,
                new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.INVALID_PARAMETER_VALUE, message),
                pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    private static SqlNode integer(int value, SqlParserPos pos) {
        return SqlLiteral.createExactNumeric(Integer.toString(value), pos);
    }
}

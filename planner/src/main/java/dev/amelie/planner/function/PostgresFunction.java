package dev.amelie.planner.function;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Static;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A PostgreSQL built-in function with its signatures, validated and typed as PostgreSQL does:
 * the signature is chosen by {@link OverloadResolution} from the argument types (an untyped
 * string literal or NULL may become any type), and its result type is the call's type. The
 * lowering resolves again from the same types to cast the arguments and pick the VM function.
 * Calcite adds no casts of its own: a call either matches a signature or does not exist.
 */
public final class PostgresFunction extends SqlFunction {
    /** How a function's result type is found. */
    enum Kind {
        /** The chosen signature's result type. */
        SIGNATURE,
        /** GREATEST, LEAST: the arguments' common type. */
        COMMON_TYPE,
        /** pg_typeof: text, computed at plan time from the argument's type. */
        TYPE_NAME
    }

    private final List<Signature> signatures;
    private final Kind kind;

    PostgresFunction(String name, SqlFunctionCategory category, Kind kind, List<Signature> signatures) {
        super(name, SqlKind.OTHER_FUNCTION, null,
                (binding, returnType, operandTypes) -> inferUnknown(signatures, binding.getTypeFactory(), operandTypes),
                null, category);
        this.signatures = signatures;
        this.kind = kind;
    }

    /** Its PostgreSQL signatures, one pg_proc row each. */
    public List<Signature> signatures() {
        return signatures;
    }

    /** A function acting on the session (advisory locks) must run each time, never be folded or hoisted. */
    @Override
    public boolean isDeterministic() {
        return signatures.stream().noneMatch(s -> s.function() != null
                && s.function().area() == dev.amelie.vm.program.Function.Area.SESSION);
    }

    public boolean isTypeName() {
        return kind == Kind.TYPE_NAME;
    }

    public boolean isCommonType() {
        return kind == Kind.COMMON_TYPE;
    }

    /** The signature that arguments of these types call, or null if none takes them. */
    public Signature resolve(List<RelDataType> argumentTypes) {
        return OverloadResolution.resolve(signatures, argumentKinds(argumentTypes));
    }

    /**
     * GREATEST/LEAST: the type all arguments are cast to; 42804 "GREATEST types integer and text
     * cannot be matched" (select_common_type's words) when there is none.
     */
    public SqlType commonType(List<RelDataType> argumentTypes) {
        SqlType[] kinds = argumentKinds(argumentTypes);
        SqlType common = OverloadResolution.commonType(kinds);
        if (common != null) {
            return common;
        }
        int chosen = -1;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == SqlType.UNKNOWN) {
                continue;
            }
            if (chosen >= 0 && (kinds[i] == null || kinds[chosen] == null
                    || !OverloadResolution.implicitlyConvertible(kinds[i], kinds[chosen])
                    && !OverloadResolution.implicitlyConvertible(kinds[chosen], kinds[i]))) {
                throw new SqlException(SqlState.DATATYPE_MISMATCH, getName().toUpperCase(Locale.ROOT) + " types "
                        + typeName(argumentTypes.get(chosen), false) + " and " + typeName(argumentTypes.get(i), false)
                        + " cannot be matched");
            }
            if (chosen < 0 || OverloadResolution.implicitlyConvertible(kinds[chosen], kinds[i])) {
                chosen = i;
            }
        }
        throw new SqlException(SqlState.DATATYPE_MISMATCH, getName().toUpperCase(Locale.ROOT) + " types cannot be matched");
    }

    /**
     * Any number of arguments: the signatures decide, so that a wrong count gets PostgreSQL's
     * "function sqrt(integer, integer) does not exist" too.
     */
    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.any();
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        boolean matches = switch (kind) {
            case SIGNATURE -> resolve(binding.collectOperandTypes()) != null;
            case COMMON_TYPE -> commonType(binding.collectOperandTypes()) != null;
            case TYPE_NAME -> true;
        };
        if (!matches && throwOnFailure) {
            throw noSuchFunction(binding);
        }
        return matches;
    }

    /**
     * PostgreSQL's "function sqrt(text) does not exist" (42883, with its hint), at the call: the
     * signature as PostgreSQL names the argument types, in Calcite's words for an unknown
     * function, which the planner's error translation turns into PostgreSQL's.
     */
    private RuntimeException noSuchFunction(SqlCallBinding binding) {
        if (getName().equals(dev.amelie.planner.sql.Collations.FUNCTION)) {
            var position = binding.getCall().getParserPosition();
            return new org.apache.calcite.runtime.CalciteContextException("collation of a type without one",
                    new SqlException(SqlState.DATATYPE_MISMATCH, "collations are not supported by type "
                            + typeName(binding.getOperandType(0), false)),
                    position.getLineNum(), position.getColumnNum(), position.getEndLineNum(), position.getEndColumnNum());
        }
        String operator = dev.amelie.planner.sql.JsonOperators.operatorOf(getName());
        if (operator != null && binding.getOperandCount() <= 2) {
            // An operator written as a call before parsing: "operator does not exist: text | integer".
            StringBuilder types = new StringBuilder();
            for (int i = 0; i < binding.getOperandCount(); i++) {
                if (i > 0 || dev.amelie.planner.sql.JsonOperators.isPrefix(operator, binding.getOperandCount())) {
                    types.append(i > 0 ? " " : "").append(operator).append(' ');
                }
                types.append(typeName(binding.getOperandType(i), binding.operand(i) instanceof SqlLiteral));
            }
            return binding.getValidator().newValidationError(binding.getCall(),
                    Static.RESOURCE.canNotApplyOp2Type(operator, "'" + types + "'", ""));
        }
        StringBuilder signature = new StringBuilder(getName()).append('(');
        for (int i = 0; i < binding.getOperandCount(); i++) {
            signature.append(i > 0 ? ", " : "")
                    .append(typeName(binding.getOperandType(i), binding.operand(i) instanceof SqlLiteral));
        }
        return binding.getValidator().newValidationError(binding.getCall(),
                Static.RESOURCE.validatorUnknownFunction(signature.append(')').toString()));
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        SqlType result = switch (kind) {
            case SIGNATURE -> {
                Signature signature = resolve(binding.collectOperandTypes());
                yield signature == null ? SqlType.UNKNOWN : signature.result();
            }
            case COMMON_TYPE -> commonType(binding.collectOperandTypes());
            case TYPE_NAME -> SqlType.TEXT;
        };
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(TypeMapping.toCalcite(result, factory), true);
    }

    /** pg_typeof's answer: PostgreSQL's name of a Calcite type; a string literal is unknown. */
    public static String typeName(RelDataType type, boolean literal) {
        SqlType ours = dev.amelie.planner.catalog.PostgresSqlType.of(type);
        if (ours != null) {
            return ours.sqlName();
        }
        return switch (type.getSqlTypeName()) {
            case NULL -> "unknown";
            case CHAR -> literal ? "unknown" : "text";
            case VARCHAR -> "text";
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "numeric";
            case REAL -> "real";
            case FLOAT, DOUBLE -> "double precision";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> "timestamp with time zone";
            // ARRAY[NULL] is text[]; an array of arrays is of the same type (int[][] is int[]).
            case ARRAY -> type.getComponentType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL ? "text[]"
                    : type.getComponentType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.ARRAY
                    ? typeName(type.getComponentType(), false) : typeName(type.getComponentType(), false) + "[]";
            default -> type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Our types of Calcite's argument types: a CHAR value (a string literal) and NULL are
     * PostgreSQL's unknown; null for a type no signature can take.
     */
    static SqlType[] argumentKinds(List<RelDataType> types) {
        SqlType[] kinds = new SqlType[types.size()];
        for (int i = 0; i < kinds.length; i++) {
            SqlTypeName name = types.get(i).getSqlTypeName();
            kinds[i] = switch (name) {
                case CHAR, NULL, UNKNOWN -> SqlType.UNKNOWN;
                case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE, DECIMAL, VARCHAR, DATE, TIMESTAMP,
                     TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> TypeMapping.fromCalcite(types.get(i));
                case ANY -> dev.amelie.planner.catalog.PostgresSqlType.of(types.get(i));
                case ARRAY -> {
                    try {
                        yield TypeMapping.fromCalcite(types.get(i));
                    } catch (RuntimeException unsupported) {
                        yield null;
                    }
                }
                default -> null;
            };
        }
        return kinds;
    }

    /**
     * Types for parameters ($1) and NULLs, which the validator asks before it checks the call:
     * the parameter type where all signatures with as many parameters agree on it, else text if
     * one takes text there (PostgreSQL's preference for the string category; a simple query's
     * numeric constant does not convert to text, so its statement is then planned as written).
     * Otherwise (sqrt(double precision) and sqrt(numeric)) a parameter stays untyped and the
     * statement does not plan: a simple query's constants, which the plan cache turns into
     * parameters, are then planned as written, so that sqrt(2.0) stays numeric and round(2.5)
     * does not round to even (PostgreSQL would type an untyped parameter double precision).
     */
    private static void inferUnknown(List<Signature> signatures, RelDataTypeFactory factory, RelDataType[] operandTypes) {
        for (int i = 0; i < operandTypes.length; i++) {
            Set<SqlType> candidates = EnumSet.noneOf(SqlType.class);
            for (Signature signature : signatures) {
                if (signature.accepts(operandTypes.length)) {
                    candidates.add(signature.parameter(i));
                }
            }
            SqlType inferred = candidates.size() == 1 ? candidates.iterator().next()
                    : candidates.contains(SqlType.TEXT) ? SqlType.TEXT : SqlType.UNKNOWN;
            if (inferred != SqlType.UNKNOWN) {
                operandTypes[i] = TypeMapping.toCalcite(inferred, factory);
            }
        }
    }
}

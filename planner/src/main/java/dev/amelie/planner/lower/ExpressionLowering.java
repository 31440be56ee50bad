package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.planner.function.PostgresFunction;
import dev.amelie.planner.function.Signature;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import dev.amelie.planner.relational.TypeModifierCasts;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import dev.amelie.vm.value.DateTimeText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Lowers one Calcite row expression to instructions; returns the register holding its value. */
final class ExpressionLowering {
    private final CodeBuilder code;
    private final RexBuilder rexBuilder;
    private final int[] occurrenceToParameter;

    /** Lowers subqueries and correlation variables; host sections only, null elsewhere. */
    private SubqueryLowering subqueries;

    ExpressionLowering(CodeBuilder code, RexBuilder rexBuilder, int[] occurrenceToParameter) {
        this.code = code;
        this.rexBuilder = rexBuilder;
        this.occurrenceToParameter = occurrenceToParameter;
    }

    void lowerSubqueriesWith(SubqueryLowering subqueries) {
        this.subqueries = subqueries;
    }

    /** Expressions whose value a register holds already (a select-list unnest's current element). */
    private final java.util.Map<RexNode, Integer> bound = new java.util.HashMap<>();

    /** From now on {@code expression} is the value in {@code register}, until {@link #unbind}. */
    void bind(RexNode expression, int register) {
        bound.put(expression, register);
    }

    void unbind(RexNode expression) {
        bound.remove(expression);
    }

    int lower(RexNode rex, int[] row) {
        return emit(RexUtil.expandSearch(rexBuilder, null, rex), row);
    }

    private int emit(RexNode rex, int[] row) {
        Integer held = bound.isEmpty() ? null : bound.get(rex);
        if (held != null) {
            return held;
        }
        return switch (rex) {
            case RexInputRef ref -> row[ref.getIndex()];
            case RexLiteral literal -> code.loadConstant(literalValue(literal));
            case RexDynamicParam param -> {
                int r = code.newRegister();
                code.emit(Opcode.PARAM, r, occurrenceToParameter[param.getIndex()]);
                yield r;
            }
            case RexSubQuery subQuery when subqueries != null -> subqueries.lower(subQuery, row);
            case RexSubQuery subQuery -> throw unsupported("subqueries in UPDATE and DELETE");
            case RexFieldAccess access when subqueries != null && access.getReferenceExpr() instanceof RexCorrelVariable variable ->
                    subqueries.correlated(variable, access.getField().getIndex());
            case RexCall call -> call(call, row);
            default -> throw unsupported("expression " + rex.getKind().toString().toLowerCase(Locale.ROOT));
        };
    }

    private int call(RexCall call, int[] row) {
        List<RexNode> operands = call.getOperands();
        return switch (call.getKind()) {
            case PLUS -> arithmetic(Opcode.ADD, call, row);
            case MINUS -> arithmetic(Opcode.SUBTRACT, call, row);
            case TIMES -> arithmetic(Opcode.MULTIPLY, call, row);
            case DIVIDE -> arithmetic(Opcode.DIVIDE, call, row);
            case MOD -> arithmetic(Opcode.MODULO, call, row);
            case MINUS_PREFIX -> unary(Opcode.NEGATE, operands.get(0), row);
            case PLUS_PREFIX -> emit(operands.get(0), row);
            case EQUALS -> comparison(Opcode.EQUAL, call, row);
            case NOT_EQUALS -> comparison(Opcode.NOT_EQUAL, call, row);
            case LESS_THAN -> comparison(Opcode.LESS, call, row);
            case LESS_THAN_OR_EQUAL -> comparison(Opcode.LESS_OR_EQUAL, call, row);
            case GREATER_THAN -> comparison(Opcode.GREATER, call, row);
            case GREATER_THAN_OR_EQUAL -> comparison(Opcode.GREATER_OR_EQUAL, call, row);
            case AND -> fold(Opcode.AND, operands, row);
            case OR -> fold(Opcode.OR, operands, row);
            case NOT -> unary(Opcode.NOT, operands.get(0), row);
            case IS_NULL -> unary(Opcode.IS_NULL, operands.get(0), row);
            case IS_NOT_NULL -> unary(Opcode.IS_NOT_NULL, operands.get(0), row);
            case IS_TRUE -> unary(Opcode.IS_TRUE, operands.get(0), row);
            case IS_FALSE -> unary(Opcode.IS_FALSE, operands.get(0), row);
            case IS_NOT_TRUE -> not(unary(Opcode.IS_TRUE, operands.get(0), row));
            case IS_NOT_FALSE -> not(unary(Opcode.IS_FALSE, operands.get(0), row));
            case IN -> in(operands, row);
            case NOT_IN -> not(in(operands, row));
            case IS_NOT_DISTINCT_FROM -> comparison(Opcode.NOT_DISTINCT, call, row);
            case IS_DISTINCT_FROM -> not(comparison(Opcode.NOT_DISTINCT, call, row));
            case CAST -> cast(call, row);
            case ARRAY_VALUE_CONSTRUCTOR -> arrayConstructor(call, row);
            case SOME, ALL -> quantifiedArray(call, row);
            case ITEM -> function(Function.ARRAY_ELEMENT, operands, row);
            case CASE -> caseWhen(operands, row);
            case COALESCE -> function(Function.COALESCE, operands, row);
            case EXTRACT -> extract(call, row);
            case TRIM -> trim(call, row);
            case POSITION -> position(call, row);
            case LIKE -> patternMatch(call.getOperator() instanceof org.apache.calcite.sql.fun.SqlLikeOperator like
                    && !like.isCaseSensitive() ? Function.ILIKE : Function.LIKE, call, row);
            case SIMILAR -> patternMatch(Function.SIMILAR, call, row);
            case CEIL -> roundingFunction(Function.CEIL, call, row);
            case FLOOR -> roundingFunction(Function.FLOOR, call, row);
            default -> namedFunction(call, row);
        };
    }

    /** LIKE, ILIKE, SIMILAR TO (text, pattern[, escape]), and their NOT forms. */
    private int patternMatch(Function function, RexCall call, int[] row) {
        int matched = function(function, call.getOperands(), row);
        boolean negated = call.getOperator() instanceof org.apache.calcite.sql.fun.SqlLikeOperator like && like.isNegated();
        return negated ? not(matched) : matched;
    }

    private int namedFunction(RexCall call, int[] row) {
        if (dev.amelie.planner.relational.PostgresCasts.isCast(call.getOperator())) {
            // Casts to the types Calcite sees as ANY, and to arrays (PostgresCasts).
            return castRegister(emit(call.getOperands().get(0), row), TypeMapping.fromCalcite(call.getType()));
        }
        if (TypeModifierCasts.isCast(call.getOperator())) {
            return typeModifierCast(call, row);
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "||" -> call.getType().getSqlTypeName() == SqlTypeName.ARRAY ? arrayConcatenation(call, row)
                    : binary(Opcode.CONCAT, call, row);
            case "LOWER" -> function(Function.LOWER, call.getOperands(), row);
            case "UPPER" -> function(Function.UPPER, call.getOperands(), row);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> function(Function.LENGTH, call.getOperands(), row);
            case "ABS" -> function(Function.ABS, call.getOperands(), row);
            case "NUMERIC" -> castRegister(emit(call.getOperands().get(0), row), SqlType.NUMERIC);
            case "NOW" -> function(Function.NOW, List.of(), row);
            // SQL's niladic forms: current_user, current_role and user are the current role, as in PostgreSQL.
            case "CURRENT_USER", "CURRENT_ROLE", "USER" -> emitCall(Function.CURRENT_USER, new int[0]);
            case "SESSION_USER" -> emitCall(Function.SESSION_USER, new int[0]);
            case "CURRENT_SCHEMA" -> emitCall(Function.CURRENT_SCHEMA, new int[0]);
            case "CURRENT_DATABASE", "CURRENT_CATALOG" -> code.loadConstant(dev.amelie.planner.catalog.SystemView.DATABASE);
            case "GEN_RANDOM_UUID" -> function(Function.GEN_RANDOM_UUID, List.of(), row);
            // 'name'::regclass, resolved while planning (RegClassLiterals)
            case "REGCLASS_CONSTANT" -> code.loadConstant(new dev.amelie.vm.value.RegClass(
                    ((RexLiteral) call.getOperands().get(0)).getValueAs(Long.class),
                    ((RexLiteral) call.getOperands().get(1)).getValueAs(String.class)));
            case "ARRAY_LENGTH", "ARRAY_UPPER", "ARRAY_LOWER", "CARDINALITY", "ARRAY_TO_STRING", "STRING_TO_ARRAY",
                 "ARRAY_CAT", "ARRAY_POSITION", "ARRAY_REMOVE" -> function(Function.valueOf(name), call.getOperands(), row);
            case "ARRAY_SLICE" -> emitCall(Function.ARRAY_SLICE, new int[] {emit(call.getOperands().get(0), row),
                    castRegister(emit(call.getOperands().get(1), row), SqlType.INTEGER),
                    castRegister(emit(call.getOperands().get(2), row), SqlType.INTEGER), emit(call.getOperands().get(3), row)});
            case "ARRAY_OP_ANY", "ARRAY_OP_ALL" -> quantified(name.equals("ARRAY_OP_ALL"), call.getOperands().get(0),
                    call.getOperands().get(1), ((RexLiteral) call.getOperands().get(2)).getValueAs(String.class), row);
            case "ARRAY_APPEND" -> emitCall(Function.ARRAY_APPEND, new int[] {emit(call.getOperands().get(0), row),
                    asElement(call.getOperands().get(1), call.getType(), row)});
            case "ARRAY_PREPEND" -> emitCall(Function.ARRAY_PREPEND, new int[] {
                    asElement(call.getOperands().get(0), call.getType(), row), emit(call.getOperands().get(1), row)});
            // Calcite types these as timestamp without time zone: the session zone (UTC) applies.
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> castRegister(function(Function.NOW, List.of(), row), SqlType.TIMESTAMP);
            case "CURRENT_DATE" -> castRegister(function(Function.NOW, List.of(), row), SqlType.DATE);
            case "NEXTVAL" -> function(Function.NEXTVAL, call.getOperands(), row);
            case "CURRVAL" -> function(Function.CURRVAL, call.getOperands(), row);
            case "SETVAL" -> function(Function.SETVAL, call.getOperands(), row);
            case "PG_BACKEND_PID" -> function(Function.PG_BACKEND_PID, List.of(), row);
            case "CURRENT_SETTING" -> function(Function.CURRENT_SETTING, call.getOperands(), row);
            case "SET_CONFIG" -> function(Function.SET_CONFIG, call.getOperands(), row);
            case "PG_CANCEL_BACKEND" -> function(Function.PG_CANCEL_BACKEND, call.getOperands().subList(0, 1), row);
            // The optional timeout (how long to wait for the session to end) is not waited for.
            case "PG_TERMINATE_BACKEND" -> function(Function.PG_TERMINATE_BACKEND, call.getOperands().subList(0, 1), row);
            case "RANDOM", "RAND" -> {
                if (!call.getOperands().isEmpty()) {
                    throw unsupported("random with a seed argument");
                }
                yield function(Function.RANDOM, List.of(), row);
            }
            // substring(s from n [for m]), overlay(s placing t from n [for m]), translate(s, from, to):
            // Calcite's own operators for PostgreSQL's syntax.
            case "SUBSTRING" -> function(Function.SUBSTR, call.getOperands(), row);
            case "OVERLAY" -> function(Function.OVERLAY, call.getOperands(), row);
            case "TRANSLATE3" -> function(Function.TRANSLATE, call.getOperands(), row);
            default -> {
                if (call.getOperator() instanceof PostgresFunction function) {
                    yield postgresFunction(function, call, row);
                }
                throw unsupported("function or operator " + call.getOperator().getName().toLowerCase(Locale.ROOT));
            }
        };
    }

    /**
     * A call of one of PostgreSQL's functions: the signature its argument types choose, each
     * argument cast to its parameter's type, then the VM function of that signature.
     * pg_typeof is its argument's type name, known here.
     */
    private int postgresFunction(PostgresFunction function, RexCall call, int[] row) {
        List<RexNode> operands = call.getOperands();
        List<RelDataType> types = operands.stream().map(RexNode::getType).toList();
        if (function.isTypeName()) {
            emit(operands.getFirst(), row); // evaluated, as PostgreSQL does, for its errors
            if (operands.getFirst() instanceof RexCall cast && TypeModifierCasts.isCast(cast.getOperator())
                    && cast.getOperator() != TypeModifierCasts.NUMERIC) {
                return code.loadConstant(TypeModifierCasts.characterType(cast.getOperator()).sqlName());
            }
            return code.loadConstant(PostgresFunction.typeName(types.getFirst(), operands.getFirst() instanceof RexLiteral));
        }
        Signature signature = function.resolve(types);
        SqlType common = function.isCommonType() ? function.commonType(types) : null;
        int[] args = new int[operands.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = castToParameter(emit(operands.get(i), row), types.get(i), common != null ? common : signature.parameter(i));
        }
        if (signature.function() == null) {
            return castRegister(args[0], signature.result()); // a function-style cast: date(x)
        }
        return emitCall(signature.function(), args);
    }

    private int castToParameter(int register, RelDataType type, SqlType parameter) {
        if (parameter == SqlType.UNKNOWN || type.getSqlTypeName() == SqlTypeName.NULL) {
            return register;
        }
        boolean same = SqlTypeUtil.inCharFamily(type) ? parameter == SqlType.TEXT : TypeMapping.fromCalcite(type) == parameter;
        return same ? register : castRegister(register, parameter);
    }

    /** trim([both | leading | trailing] [characters] from string): btrim, ltrim, rtrim. */
    private int trim(RexCall call, int[] row) {
        List<RexNode> operands = call.getOperands();
        Function function = switch (((RexLiteral) operands.get(0)).getValueAs(SqlTrimFunction.Flag.class)) {
            case BOTH -> Function.BTRIM;
            case LEADING -> Function.LTRIM;
            case TRAILING -> Function.RTRIM;
            case null -> throw unsupported("this form of trim");
        };
        return function(function, List.of(operands.get(2), operands.get(1)), row);
    }

    /** position(substring in string): strpos(string, substring). */
    private int position(RexCall call, int[] row) {
        List<RexNode> operands = call.getOperands();
        if (operands.size() != 2) {
            throw unsupported("position with a start");
        }
        return function(Function.STRPOS, List.of(operands.get(1), operands.get(0)), row);
    }

    /** ceil(x), ceiling(x), floor(x); not the datetime forms (floor(t to unit)). */
    private int roundingFunction(Function function, RexCall call, int[] row) {
        if (call.getOperands().size() != 1) {
            throw unsupported(function.name().toLowerCase(Locale.ROOT) + " to a unit");
        }
        return function(function, call.getOperands(), row);
    }

    /**
     * EXTRACT(field FROM value), and date_part('field', value), which Calcite rewrites to it with
     * the field as text: PostgreSQL's numeric, then the type Calcite gave the call (bigint, so a
     * fraction of a second is rounded away, unlike PostgreSQL).
     */
    private int extract(RexCall call, int[] row) {
        RexLiteral unit = (RexLiteral) call.getOperands().get(0);
        String field = unit.getType().getSqlTypeName() == SqlTypeName.CHAR ? unit.getValueAs(String.class)
                : switch (unit.getValueAs(org.apache.calcite.avatica.util.TimeUnitRange.class)) {
            case MICROSECOND -> "microseconds";
            case MILLISECOND -> "milliseconds";
            case null -> throw unsupported("extract of this field");
            case org.apache.calcite.avatica.util.TimeUnitRange range -> range.name().toLowerCase(Locale.ROOT);
        };
        int name = code.loadConstant(field);
        int value = emit(call.getOperands().get(1), row);
        int first = code.newRegisters(2);
        code.emit(Opcode.COPY, first, name);
        code.emit(Opcode.COPY, first + 1, value);
        int r = code.newRegister();
        code.emit(Opcode.CALL, r, Function.pack(Function.EXTRACT, 2), first);
        return castRegister(r, TypeMapping.fromCalcite(call.getType()));
    }

    private int arithmetic(Opcode op, RexCall call, int[] row) {
        SqlType type = TypeMapping.fromCalcite(call.getType());
        if (!type.isNumeric() && !type.isDateTime() && type != SqlType.INTERVAL) {
            throw unsupported("operator " + call.getOperator().getName() + " on " + type.sqlName());
        }
        int a = emit(call.getOperands().get(0), row);
        int b = emit(call.getOperands().get(1), row);
        int r = code.newRegister();
        code.emitTyped(op, type, r, a, b);
        return r;
    }

    /**
     * A comparison. Text compared with one of the types Calcite sees as ANY is converted to that
     * type first, as PostgreSQL resolves {@code uuid_column = '…'}; Calcite leaves it as text.
     */
    private int comparison(Opcode op, RexCall call, int[] row) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        int a = emitAs(left, right.getType(), row);
        int b = emitAs(right, left.getType(), row);
        int r = code.newRegister();
        code.emit(op, r, a, b);
        return r;
    }

    /** The operand, cast to {@code otherType} when that is one of ours and the operand is text. */
    private int emitAs(RexNode operand, RelDataType otherType, int[] row) {
        int r = emit(operand, row);
        SqlType ours = dev.amelie.planner.catalog.PostgresSqlType.of(otherType);
        SqlTypeName name = operand.getType().getSqlTypeName();
        if (ours != null && (name == SqlTypeName.CHAR || name == SqlTypeName.VARCHAR)) {
            return castRegister(r, ours);
        }
        return r;
    }

    private int binary(Opcode op, RexCall call, int[] row) {
        int a = emit(call.getOperands().get(0), row);
        int b = emit(call.getOperands().get(1), row);
        int r = code.newRegister();
        code.emit(op, r, a, b);
        return r;
    }

    private int unary(Opcode op, RexNode operand, int[] row) {
        int a = emit(operand, row);
        int r = code.newRegister();
        code.emit(op, r, a);
        return r;
    }

    private int not(int a) {
        int r = code.newRegister();
        code.emit(Opcode.NOT, r, a);
        return r;
    }

    private int fold(Opcode op, List<RexNode> operands, int[] row) {
        int acc = emit(operands.get(0), row);
        for (int i = 1; i < operands.size(); i++) {
            int next = emit(operands.get(i), row);
            int r = code.newRegister();
            code.emit(op, r, acc, next);
            acc = r;
        }
        return acc;
    }

    /**
     * {@code a IN (b, c, …)} is {@code a = b OR a = c OR …} in three-valued logic: true if any is
     * equal, else null if any comparison is null, else false (as PostgreSQL evaluates it).
     */
    private int in(List<RexNode> operands, int[] row) {
        int value = emit(operands.get(0), row);
        int acc = -1;
        for (int i = 1; i < operands.size(); i++) {
            int candidate = emitAs(operands.get(i), operands.get(0).getType(), row);
            int equal = code.newRegister();
            code.emit(Opcode.EQUAL, equal, value, candidate);
            if (acc < 0) {
                acc = equal;
            } else {
                int r = code.newRegister();
                code.emit(Opcode.OR, r, acc, equal);
                acc = r;
            }
        }
        return acc;
    }

    private int cast(RexCall call, int[] row) {
        RexNode operand = call.getOperands().get(0);
        SqlType target = TypeMapping.fromCalcite(call.getType());
        int a = emit(operand, row);
        if (operand.getType().getSqlTypeName() == call.getType().getSqlTypeName()
                && operand.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
            return a;
        }
        return castRegister(a, target);
    }

    /**
     * x::varchar(n), x::char(n), x::numeric(p, s) (TypeModifierCasts): x cast to text or
     * numeric, then fitted to the modifier, the constant operands after it.
     */
    private int typeModifierCast(RexCall call, int[] row) {
        RexNode operand = call.getOperands().get(0);
        boolean numeric = call.getOperator() == TypeModifierCasts.NUMERIC;
        int value = emit(operand, row);
        if (numeric ? operand.getType().getSqlTypeName() != SqlTypeName.DECIMAL : !SqlTypeUtil.inCharFamily(operand.getType())) {
            value = castRegister(value, numeric ? SqlType.NUMERIC : SqlType.TEXT);
        }
        int[] args = new int[call.getOperands().size()];
        args[0] = value;
        for (int i = 1; i < args.length; i++) {
            args[i] = code.loadConstant(((RexLiteral) call.getOperands().get(i)).getValueAs(Integer.class));
        }
        Function function = numeric ? Function.NUMERIC_TYPMOD
                : call.getOperator() == TypeModifierCasts.BPCHAR ? Function.BPCHAR_TYPMOD
                : call.getOperator() == TypeModifierCasts.NAME ? Function.NAME_TYPMOD : Function.VARCHAR_TYPMOD;
        return emitCall(function, args);
    }

    /** r ← CAST(a AS target). */
    int castRegister(int a, SqlType target) {
        if (target == SqlType.REGCLASS) {
            // An OID or a name read as a relation needs the catalog as it is when the statement runs.
            return emitCall(Function.REGCLASS_OF, new int[] {a});
        }
        int r = code.newRegister();
        code.emit(Opcode.CAST, r, a, target.ordinal());
        return r;
    }

    /** A quantified comparison Calcite made itself (x = SOME(array)). */
    private int quantifiedArray(RexCall call, int[] row) {
        SqlKind comparison = ((org.apache.calcite.sql.fun.SqlQuantifyOperator) call.getOperator()).comparisonKind;
        String operator = dev.amelie.planner.relational.ArrayFunctions.comparisonSymbol(comparison);
        if (operator == null) {
            throw unsupported("operator " + call.getOperator().getName() + " with an array");
        }
        return quantified(call.getKind() == SqlKind.ALL, call.getOperands().get(0), call.getOperands().get(1), operator, row);
    }

    /**
     * {@code value op ANY(array)} / {@code ALL(array)}, as PostgreSQL's ScalarArrayOpExpr: the
     * value and the elements meet in their common type; an untyped literal or NULL is an array
     * of the value's type ({@code 1 <> SOME('{}')}).
     */
    private int quantified(boolean all, RexNode value, RexNode array, String operator, int[] row) {
        boolean untypedArray = dev.amelie.planner.relational.ArrayConcatenation.isUntyped(array.getType(), array instanceof RexLiteral);
        if (array.getType().getSqlTypeName() != SqlTypeName.ARRAY && !untypedArray) {
            throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires array on right side");
        }
        boolean untypedValue = dev.amelie.planner.relational.ArrayConcatenation.isUntyped(value.getType(), value instanceof RexLiteral);
        SqlType valueType = untypedValue ? SqlType.UNKNOWN : TypeMapping.fromCalcite(value.getType());
        SqlType element = untypedArray ? SqlType.UNKNOWN : TypeMapping.fromCalcite(array.getType()).element();
        SqlType common = dev.amelie.planner.function.OverloadResolution.commonType(new SqlType[] {valueType, element});
        if (common == null || common.arrayOf() == null) {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + valueType.sqlName() + " " + operator
                    + " " + element.sqlName(), null,
                    "No operator matches the given name and argument types. You might need to add explicit type casts.", 0, null);
        }
        int operatorRegister = code.loadConstant(operator);
        return emitCall(all ? Function.ARRAY_ALL : Function.ARRAY_ANY,
                new int[] {asType(value, common, row), asType(array, common.arrayOf(), row), operatorRegister});
    }

    /**
     * {@code ||} with an array: array_cat, array_append or array_prepend as PostgreSQL resolves
     * it (ArrayConcatenation), each operand converted to the result's array or element type.
     * These are not strict: {@code array[1] || NULL} is {1}, {@code array[1] || NULL::int} {1,NULL}.
     */
    private int arrayConcatenation(RexCall call, int[] row) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        dev.amelie.planner.relational.ArrayConcatenation.Resolved resolved = dev.amelie.planner.relational.ArrayConcatenation.resolve(
                left.getType(), dev.amelie.planner.relational.ArrayConcatenation.isUntyped(left.getType(), left instanceof RexLiteral),
                right.getType(), dev.amelie.planner.relational.ArrayConcatenation.isUntyped(right.getType(), right instanceof RexLiteral));
        SqlType type = resolved.type();
        return switch (resolved.form()) {
            case CAT -> emitCall(Function.ARRAY_CAT, new int[] {asType(left, type, row), asType(right, type, row)});
            case APPEND -> emitCall(Function.ARRAY_APPEND, new int[] {asType(left, type, row), asType(right, type.element(), row)});
            case PREPEND -> emitCall(Function.ARRAY_PREPEND, new int[] {asType(left, type.element(), row), asType(right, type, row)});
        };
    }

    /** The value, cast to {@code type} unless it has it already or is a NULL literal. */
    private int asType(RexNode value, SqlType type, int[] row) {
        int r = emit(value, row);
        if (value.getType().getSqlTypeName() == SqlTypeName.NULL || RexUtil.isNullLiteral(value, true)
                || TypeMapping.fromCalcite(value.getType()) == type) {
            return r;
        }
        return castRegister(r, type);
    }

    /** ARRAY[…]: each element converted to the array's element type, as PostgreSQL resolves them to one type. */
    private int arrayConstructor(RexCall call, int[] row) {
        int[] elements = new int[call.getOperands().size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = asElement(call.getOperands().get(i), call.getType(), row);
        }
        return emitCall(Function.ARRAY_BUILD, elements);
    }

    /** The value, cast to the element type of {@code arrayType} when its own type differs. */
    private int asElement(RexNode value, RelDataType arrayType, int[] row) {
        int r = emit(value, row);
        SqlType element = TypeMapping.fromCalcite(arrayType).element();
        if (value.getType().getSqlTypeName() == SqlTypeName.NULL || TypeMapping.fromCalcite(value.getType()) == element) {
            return r;
        }
        return castRegister(r, element);
    }

    private int caseWhen(List<RexNode> operands, int[] row) {
        int result = code.newRegister();
        CodeBuilder.Label end = code.newLabel();
        int i = 0;
        for (; i + 1 < operands.size(); i += 2) {
            CodeBuilder.Label next = code.newLabel();
            int condition = emit(operands.get(i), row);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, next);
            code.emit(Opcode.COPY, result, emit(operands.get(i + 1), row));
            code.emitJump(Opcode.JUMP, 0, 0, 0, 1, end);
            code.place(next);
        }
        code.emit(Opcode.COPY, result, emit(operands.get(i), row));
        code.place(end);
        return result;
    }

    private int function(Function function, List<RexNode> operands, int[] row) {
        int[] args = new int[operands.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = emit(operands.get(i), row);
        }
        return emitCall(function, args);
    }

    /** r ← function(args…), for the other lowerings. */
    int call(Function function, int... args) {
        return emitCall(function, args);
    }

    /** r ← function(args…): the arguments copied to consecutive registers, as CALL takes them. */
    private int emitCall(Function function, int[] args) {
        int first = code.newRegisters(args.length);
        for (int i = 0; i < args.length; i++) {
            code.emit(Opcode.COPY, first + i, args[i]);
        }
        int r = code.newRegister();
        code.emit(Opcode.CALL, r, Function.pack(function, args.length), first);
        return r;
    }

    /**
     * A literal of a VALUES row whose column Calcite typed as one of ours (ANY to it): Calcite
     * leaves the literal as it was written, so it is converted here, as PostgreSQL converts an
     * unknown literal to its column's type.
     */
    int valuesLiteral(RexLiteral literal, org.apache.calcite.rel.type.RelDataType columnType) {
        Object value = literalValue(literal);
        SqlType ours = dev.amelie.planner.catalog.PostgresSqlType.of(columnType);
        if (value == null || ours == null) {
            return code.loadConstant(value);
        }
        if (readsInSessionZone(value, ours) || ours == SqlType.REGCLASS) {
            // Plans are shared by sessions in every time zone, and outlive relations: the cast runs with the statement.
            return castRegister(code.loadConstant(value), ours);
        }
        // Any other conversion means the same in every zone.
        return code.loadConstant(dev.amelie.vm.value.Values.cast(value, ours, java.time.ZoneOffset.UTC));
    }

    /** Whether converting the value to the type reads or shows a timestamptz in the session's zone. */
    private static boolean readsInSessionZone(Object value, SqlType target) {
        SqlType element = target.isArray() ? target.element() : target;
        return value instanceof java.time.Instant ? element != SqlType.TIMESTAMPTZ : element == SqlType.TIMESTAMPTZ;
    }

    static Object literalValue(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        return switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT, SMALLINT -> literal.getValueAs(Short.class);
            case INTEGER -> literal.getValueAs(Integer.class);
            case BIGINT -> literal.getValueAs(Long.class);
            case DECIMAL -> literal.getValueAs(BigDecimal.class);
            case FLOAT, DOUBLE -> literal.getValueAs(Double.class);
            case REAL -> dev.amelie.vm.value.Values.cast(literal.getValueAs(BigDecimal.class), SqlType.REAL, java.time.ZoneOffset.UTC);
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            case DATE -> DateTimeText.parseDate(literal.getValueAs(DateString.class).toString());
            case TIME -> DateTimeText.parseTime(literal.getValueAs(org.apache.calcite.util.TimeString.class).toString());
            case TIMESTAMP -> DateTimeText.parseTimestamp(literal.getValueAs(TimestampString.class).toString());
            // Calcite holds such a literal as the instant's time in UTC.
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ ->
                    DateTimeText.parseTimestamptz(literal.getValueAs(TimestampString.class).toString(), java.time.ZoneOffset.UTC);
            default -> throw unsupported("literal of type " + literal.getType().getSqlTypeName().getName().toLowerCase(Locale.ROOT));
        };
    }

    static SqlException unsupported(String what) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }
}

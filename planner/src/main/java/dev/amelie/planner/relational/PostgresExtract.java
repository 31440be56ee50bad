package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.PostgresSqlType;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlExtractFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * extract(field FROM x) and date_part('field', x) as PostgreSQL 15 types them: extract is
 * numeric (exact: seconds keep their microseconds), date_part double precision; both also take
 * time and interval, which Calcite sees as ANY and would refuse. Listed ahead of Calcite's own,
 * so the validator's lookup by name finds these.
 */
final class PostgresExtract extends SqlExtractFunction {
    static final PostgresExtract EXTRACT = new PostgresExtract("EXTRACT", false);
    static final PostgresExtract DATE_PART = new PostgresExtract("DATE_PART", true);

    private final boolean datePart;

    /** PostgreSQL's fields that are no Calcite time frame: the zone's offset and the Julian day. */
    private static final java.util.Set<String> POSTGRES_ONLY_FIELDS = java.util.Set.of("julian", "timezone",
            "timezone_hour", "timezone_minute");

    private PostgresExtract(String name, boolean datePart) {
        super(name, datePart);
        this.datePart = datePart;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        SqlType ours = PostgresSqlType.of(binding.getOperandType(1));
        if (ours == SqlType.TIME || ours == SqlType.INTERVAL || isFieldByName(binding.operand(0))) {
            return true;
        }
        return super.checkOperandTypes(binding, throwOnFailure);
    }

    /** A field {@link #rewrite} gave by name: the run time knows it, and which types it takes. */
    private static boolean isFieldByName(org.apache.calcite.sql.SqlNode field) {
        return field instanceof org.apache.calcite.sql.SqlCharStringLiteral;
    }

    /** Calls of Calcite's extract and date_part become calls of these before validation. */
    static org.apache.calcite.sql.SqlNode rewrite(org.apache.calcite.sql.SqlNode node) {
        org.apache.calcite.sql.SqlNode rewritten = node.accept(new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public org.apache.calcite.sql.SqlNode visit(org.apache.calcite.sql.SqlCall call) {
                org.apache.calcite.sql.SqlNode visited = super.visit(call);
                if (visited instanceof org.apache.calcite.sql.SqlBasicCall basic && basic.getOperator() instanceof SqlExtractFunction
                        && !(basic.getOperator() instanceof PostgresExtract)) {
                    basic.setOperator(basic.getOperator().getName().equalsIgnoreCase("DATE_PART") ? DATE_PART : EXTRACT);
                }
                if (visited instanceof org.apache.calcite.sql.SqlBasicCall basic && basic.getOperator() instanceof PostgresExtract
                        && basic.operand(0) instanceof org.apache.calcite.sql.SqlIntervalQualifier qualifier
                        && qualifier.timeFrameName != null
                        && POSTGRES_ONLY_FIELDS.contains(qualifier.timeFrameName.toLowerCase(java.util.Locale.ROOT))) {
                    // Fields Calcite has no time frame for go to the run time by name, as date_part's text does.
                    basic.setOperand(0, org.apache.calcite.sql.SqlLiteral.createCharString(
                            qualifier.timeFrameName.toLowerCase(java.util.Locale.ROOT), qualifier.getParserPosition()));
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    /** Calcite's checks of the field against the type know nothing of time and interval as ANY. */
    @Override
    public void validateCall(org.apache.calcite.sql.SqlCall call, org.apache.calcite.sql.validate.SqlValidator validator,
                             org.apache.calcite.sql.validate.SqlValidatorScope scope,
                             org.apache.calcite.sql.validate.SqlValidatorScope operandScope) {
        if (isFieldByName(call.operand(0)) || PostgresSqlType.of(validator.deriveType(scope, call.operand(1))) != null) {
            call.operand(1).validateExpr(validator, operandScope);
            return;
        }
        super.validateCall(call, validator, scope, operandScope);
    }

    /** What the validator's lookup by operand types sees: anything (checkOperandTypes decides). */
    @Override
    public org.apache.calcite.sql.type.SqlOperandTypeChecker getOperandTypeChecker() {
        return org.apache.calcite.sql.type.OperandTypes.ANY_ANY;
    }

    /** Calcite reads a field given by name as one of its own units, and knows no timezone. */
    @Override
    public org.apache.calcite.sql.validate.SqlMonotonicity getMonotonicity(SqlOperatorBinding call) {
        if (call instanceof SqlCallBinding binding && isFieldByName(binding.operand(0))) {
            return org.apache.calcite.sql.validate.SqlMonotonicity.NOT_MONOTONIC;
        }
        return super.getMonotonicity(call);
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        var factory = binding.getTypeFactory();
        RelDataType type = datePart ? factory.createSqlType(SqlTypeName.DOUBLE)
                : dev.amelie.planner.catalog.TypeMapping.toCalcite(SqlType.NUMERIC, factory);
        return factory.createTypeWithNullability(type, binding.getOperandType(1).isNullable());
    }
}

package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.Values;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * PostgreSQL coerces a quoted literal to the type its context needs while it analyzes the
 * statement, so {@code insert into t values ('one')} into an integer column fails before
 * anything runs, pointing at the literal (parse_coerce.c). Calcite's implicit coercion leaves a
 * CAST around such literals; this walks the validated tree and tries each such cast now, so the
 * error carries the literal's position.
 */
final class LiteralCoercionCheck extends SqlBasicVisitor<Void> {
    private final SqlValidator validator;
    private final String sql;

    private LiteralCoercionCheck(SqlValidator validator, String sql) {
        this.validator = validator;
        this.sql = sql;
    }

    static void check(SqlNode validated, SqlValidator validator, String sql) {
        validated.accept(new LiteralCoercionCheck(validator, sql));
    }

    @Override
    public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(0) instanceof SqlCharStringLiteral literal
                && call.operand(1) instanceof SqlDataTypeSpec) {
            SqlType target;
            try {
                target = TypeMapping.fromCalcite(validator.getValidatedNodeType(call));
            } catch (RuntimeException notDerived) {
                return super.visit(call);
            }
            if (target.isNumeric() || target == SqlType.BOOLEAN || target.isDateTime()) {
                try {
                    // Only whether it reads: that does not depend on the zone.
                    Values.cast(literal.getValueAs(String.class), target, java.time.ZoneOffset.UTC);
                } catch (SqlException e) {
                    throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), offsetOf(literal.getParserPosition()), e);
                }
            }
        }
        if ((call.getOperator() == UnconstrainedNumeric.NUMERIC || call.getOperator() == TypeModifierCasts.NUMERIC)
                && call.operand(0) instanceof SqlCharStringLiteral literal) {
            try {
                Values.cast(literal.getValueAs(String.class), SqlType.NUMERIC, java.time.ZoneOffset.UTC);
            } catch (SqlException e) {
                throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), offsetOf(literal.getParserPosition()), e);
            }
        }
        return super.visit(call);
    }

    private int offsetOf(SqlParserPos pos) {
        return offsetOf(sql, pos);
    }

    /** A parser position as a 1-based character offset in the statement. */
    static int offsetOf(String sql, SqlParserPos pos) {
        int offset = 0;
        for (int line = 1; line < pos.getLineNum(); line++) {
            int newline = sql.indexOf('\n', offset);
            if (newline < 0) {
                return 0;
            }
            offset = newline + 1;
        }
        return offset + pos.getColumnNum();
    }
}

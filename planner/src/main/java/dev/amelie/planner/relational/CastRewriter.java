package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces casts in a parsed statement before validation, innermost first: the casts Calcite
 * would fold or drop by its own rules become calls of ours (UnconstrainedNumeric,
 * TypeModifierCasts, PostgresCasts).
 */
final class CastRewriter {
    /** A cast's replacement, or null to keep it. */
    interface Replacement {
        SqlNode replace(SqlCall cast, SqlNode operand, SqlDataTypeSpec type);
    }

    private CastRewriter() {}

    static SqlNode rewrite(SqlNode node, Replacement replacement) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall cast && cast.getKind() == SqlKind.CAST && cast.operandCount() == 2
                        && cast.operand(1) instanceof SqlDataTypeSpec spec) {
                    SqlNode replaced = replacement.replace(cast, cast.operand(0), spec);
                    if (replaced != null) {
                        return replaced;
                    }
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }
}

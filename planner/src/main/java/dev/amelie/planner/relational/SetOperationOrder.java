package dev.amelie.planner.relational;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The ORDER BY of a UNION, INTERSECT or EXCEPT names result columns (by name or position)
 * only: PostgreSQL refuses an expression there (0A000), where Calcite would compute it.
 */
final class SetOperationOrder {
    private SetOperationOrder() {}

    static void check(SqlNode node, String text) {
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy orderBy && orderBy.query.getKind().belongsTo(SqlKind.SET_QUERY)) {
                    for (SqlNode item : orderBy.orderList) {
                        SqlNode key = item;
                        while (key instanceof SqlCall wrapped && (wrapped.getKind() == SqlKind.DESCENDING
                                || wrapped.getKind() == SqlKind.NULLS_FIRST || wrapped.getKind() == SqlKind.NULLS_LAST)) {
                            key = wrapped.operand(0);
                        }
                        if (!(key instanceof SqlIdentifier id && id.names.size() == 1) && !(key instanceof SqlLiteral)) {
                            int position = dev.amelie.planner.error.CalciteErrors.offsetOf(text,
                                    key.getParserPosition().getLineNum(), key.getParserPosition().getColumnNum());
                            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "invalid UNION/INTERSECT/EXCEPT ORDER BY clause",
                                    "Only result column names can be used, not expressions or functions.",
                                    "Add the expression/function to every SELECT, or move the UNION into a FROM clause.",
                                    position, null);
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }
}

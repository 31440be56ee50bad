package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code x LIKE 'pattern' ESCAPE ''} (and ILIKE, and their NOT forms): no escape character at
 * all (functions-matching.html#FUNCTIONS-LIKE), which Hibernate writes for every HQL LIKE
 * without ESCAPE. Calcite's simplifier reads a literal escape as one character and fails on an
 * empty one, so with a literal pattern the call becomes the same match under the default
 * escape, backslash: every backslash of the pattern doubled, so that each stays literal. A
 * pattern that is no literal keeps its ESCAPE '', which the run time implements.
 */
final class EmptyLikeEscape {
    private EmptyLikeEscape() {}

    static SqlNode rewrite(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlBasicCall like && like.getKind() == SqlKind.LIKE && like.operandCount() == 3
                        && like.operand(2) instanceof SqlCharStringLiteral escape && escape.toValue().isEmpty()
                        && like.operand(1) instanceof SqlCharStringLiteral pattern) {
                    String literalBackslashes = pattern.toValue().replace("\\", "\\\\");
                    return like.getOperator().createCall(like.getParserPosition(), like.operand(0),
                            SqlLiteral.createCharString(literalBackslashes, pattern.getParserPosition()));
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }
}

package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.RelationName;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.Locale;
import java.util.Set;

/**
 * nextval('s'), currval('s') and setval('s', …) name their sequence with a literal that
 * PostgreSQL reads as a regclass while it analyzes the statement: a missing sequence is an error
 * before anything runs, pointing at the literal. (A sequence dropped after planning is still
 * found missing when the statement runs.)
 */
final class SequenceReferenceCheck extends SqlBasicVisitor<Void> {
    private static final Set<String> FUNCTIONS = Set.of("nextval", "currval", "setval");

    private final Catalog catalog;
    private final String sql;

    private SequenceReferenceCheck(Catalog catalog, String sql) {
        this.catalog = catalog;
        this.sql = sql;
    }

    static void check(SqlNode validated, Catalog catalog, String sql) {
        validated.accept(new SequenceReferenceCheck(catalog, sql));
    }

    @Override
    public Void visit(SqlCall call) {
        if (FUNCTIONS.contains(call.getOperator().getName().toLowerCase(Locale.ROOT)) && call.operandCount() > 0
                && call.operand(0) instanceof SqlCharStringLiteral literal) {
            String[] name;
            try {
                name = RelationName.parse(literal.getValueAs(String.class));
            } catch (SqlException e) {
                throw new SqlException(e.state(), e.getMessage(), null, null, LiteralCoercionCheck.offsetOf(sql, literal.getParserPosition()), e);
            }
            if (catalog.sequence(name[0], name[1]) == null) {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name[1] + "\" does not exist", null, null,
                        LiteralCoercionCheck.offsetOf(sql, literal.getParserPosition()), null);
            }
        }
        return super.visit(call);
    }
}

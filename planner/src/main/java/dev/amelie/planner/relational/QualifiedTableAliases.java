package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code FROM s1.users, s2.users}: PostgreSQL tells the two apart by schema (a column is
 * {@code s1.users.id}); Calcite names an unaliased table by its last name only, so it calls
 * them duplicates, and in a correlated subquery it would take the outer {@code s1.users} for the
 * inner {@code s2.users}. Where one table name appears under two schemas in a statement, each
 * such schema-qualified table gets the alias {@code "s1.users"} and the three-part column
 * references {@code s1.users.id} become {@code "s1.users".id}.
 */
final class QualifiedTableAliases {
    private QualifiedTableAliases() {}

    static SqlNode rewrite(SqlNode node) {
        Map<String, Set<String>> schemasByTable = new HashMap<>();
        Set<String> withNames = new HashSet<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getFrom() != null) {
                    collect(select.getFrom(), schemasByTable);
                }
                if (call instanceof org.apache.calcite.sql.SqlWithItem item) {
                    withNames.add(item.name.getSimple());
                }
                return super.visit(call);
            }
        });
        Set<List<String>> colliding = new HashSet<>();
        schemasByTable.forEach((table, schemas) -> {
            // A WITH query of the same name is no table: PostgreSQL refuses the pair (42712), as Calcite does.
            if (schemas.size() > 1 && !withNames.contains(table)) {
                schemas.stream().filter(schema -> !schema.isEmpty()).forEach(schema -> colliding.add(List.of(schema, table)));
            }
        });
        if (colliding.isEmpty()) {
            return node;
        }
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getFrom() != null) {
                    select.setFrom(alias(select.getFrom(), colliding));
                }
                return super.visit(call);
            }

            @Override
            public SqlNode visit(SqlIdentifier id) {
                if (id.names.size() == 3 && colliding.contains(id.names.subList(0, 2))) {
                    return new SqlIdentifier(List.of(id.names.get(0) + "." + id.names.get(1), id.names.get(2)),
                            id.getParserPosition());
                }
                return id;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    /** Table name → the schemas it is written with in FROM, unaliased ("" when unqualified). */
    private static void collect(SqlNode from, Map<String, Set<String>> schemasByTable) {
        if (from instanceof SqlJoin join) {
            collect(join.getLeft(), schemasByTable);
            collect(join.getRight(), schemasByTable);
        } else if (from instanceof SqlIdentifier id && id.names.size() <= 2) {
            schemasByTable.computeIfAbsent(id.names.getLast(), k -> new HashSet<>())
                    .add(id.names.size() == 2 ? id.names.getFirst() : "");
        }
    }

    private static SqlNode alias(SqlNode from, Set<List<String>> colliding) {
        if (from instanceof SqlJoin join) {
            join.setLeft(alias(join.getLeft(), colliding));
            join.setRight(alias(join.getRight(), colliding));
            return join;
        }
        if (from instanceof SqlIdentifier id && colliding.contains(id.names)) {
            return SqlStdOperatorTable.AS.createCall(id.getParserPosition(), id,
                    new SqlIdentifier(id.names.get(0) + "." + id.names.get(1), id.getParserPosition()));
        }
        return from;
    }
}

package dev.amelie.planner.privilege;

import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.ViewDef;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the relations a parsed statement reads and writes, before views are expanded, as
 * PostgreSQL's range table records them with their required permissions (parse_relation.c):
 * SELECT for every relation read, INSERT / UPDATE / DELETE on a write's target, SELECT on the
 * target too when the write reads its columns (WHERE, SET expressions, RETURNING). A view's own
 * relations are collected from its query, marked as reached through it. Names of WITH queries
 * shadow relations; pg_catalog and information_schema relations need nothing (PUBLIC may read them).
 */
public final class AccessCollector {
    private static final int MAX_VIEW_DEPTH = 32;

    private final Catalog catalog;
    private final Function<String, SqlNode> parser;
    private final Map<AclTarget, TableAccess> found = new LinkedHashMap<>();
    private final Set<String> withNames = new HashSet<>();

    private AccessCollector(Catalog catalog, Function<String, SqlNode> parser) {
        this.catalog = catalog;
        this.parser = parser;
    }

    /** The accesses of {@code statement}, which must not have been rewritten yet (views still named). */
    public static List<TableAccess> of(SqlNode statement, Catalog catalog, Function<String, SqlNode> viewParser) {
        AccessCollector collector = new AccessCollector(catalog, viewParser);
        collector.statement(statement, null, 0);
        return List.copyOf(collector.found.values());
    }

    private void statement(SqlNode node, ViewDef via, int depth) {
        switch (node) {
            case null -> { }
            case SqlInsert insert -> {
                relation(insert.getTargetTable(), AclItem.INSERT, via, depth);
                walk(insert.getSource(), via, depth);
            }
            case SqlUpdate update -> {
                boolean reads = mentionsColumns(update.getCondition()) || mentionsColumns(update.getSourceExpressionList());
                relation(update.getTargetTable(), AclItem.UPDATE | (reads ? AclItem.SELECT : 0), via, depth);
                walk(update.getCondition(), via, depth);
                walk(update.getSourceExpressionList(), via, depth);
                if (update.getSourceSelect() != null) {
                    from(update.getSourceSelect().getFrom(), via, depth);
                }
            }
            case SqlDelete delete -> {
                relation(delete.getTargetTable(), AclItem.DELETE | (mentionsColumns(delete.getCondition()) ? AclItem.SELECT : 0),
                        via, depth);
                walk(delete.getCondition(), via, depth);
                if (delete.getSourceSelect() != null) {
                    from(delete.getSourceSelect().getFrom(), via, depth);
                }
            }
            default -> walk(node, via, depth);
        }
    }

    /** Adds SELECT on the target of a write whose RETURNING list reads it. */
    public static List<TableAccess> withReturning(List<TableAccess> accesses) {
        List<TableAccess> out = new ArrayList<>(accesses);
        for (int i = 0; i < out.size(); i++) {
            TableAccess access = out.get(i);
            if (access.viewName() == null && (access.privileges() & (AclItem.INSERT | AclItem.UPDATE | AclItem.DELETE)) != 0) {
                out.set(i, access.withPrivileges(AclItem.SELECT));
            }
        }
        return List.copyOf(out);
    }

    /** Adds UPDATE on the target of INSERT … ON CONFLICT DO UPDATE. */
    public static List<TableAccess> withConflictUpdate(List<TableAccess> accesses) {
        List<TableAccess> out = new ArrayList<>(accesses);
        for (int i = 0; i < out.size(); i++) {
            TableAccess access = out.get(i);
            if (access.viewName() == null && (access.privileges() & AclItem.INSERT) != 0) {
                out.set(i, access.withPrivileges(AclItem.UPDATE | AclItem.SELECT));
            }
        }
        return List.copyOf(out);
    }

    private void walk(SqlNode node, ViewDef via, int depth) {
        switch (node) {
            case null -> { }
            case SqlSelect select -> {
                from(select.getFrom(), via, depth);
                for (SqlNode operand : select.getOperandList()) {
                    if (operand != select.getFrom()) {
                        walk(operand, via, depth);
                    }
                }
            }
            case SqlWith with -> {
                for (SqlNode item : with.withList) {
                    withNames.add(((SqlWithItem) item).name.getSimple());
                }
                for (SqlNode item : with.withList) {
                    statement(((SqlWithItem) item).query, via, depth);
                }
                statement(with.body, via, depth);
            }
            case SqlInsert _, SqlUpdate _, SqlDelete _ -> statement(node, via, depth);
            case SqlCall call when call.getKind() == SqlKind.EXPLICIT_TABLE -> from(call.operand(0), via, depth);
            case SqlCall call -> {
                for (SqlNode operand : call.getOperandList()) {
                    walk(operand, via, depth);
                }
            }
            case SqlNodeList list -> {
                for (SqlNode item : list) {
                    walk(item, via, depth);
                }
            }
            default -> { }
        }
    }

    private void from(SqlNode from, ViewDef via, int depth) {
        switch (from) {
            case null -> { }
            case SqlIdentifier id -> relation(id, AclItem.SELECT, via, depth);
            case SqlJoin join -> {
                from(join.getLeft(), via, depth);
                from(join.getRight(), via, depth);
                walk(join.getCondition(), via, depth);
            }
            case SqlBasicCall as when as.getKind() == SqlKind.AS -> {
                from(as.operand(0), via, depth);
            }
            case SqlCall call when call.getKind() == SqlKind.LATERAL || call.getKind() == SqlKind.COLLECTION_TABLE -> {
                for (SqlNode operand : call.getOperandList()) {
                    from(operand, via, depth);
                }
            }
            default -> walk(from, via, depth);
        }
    }

    private void relation(SqlNode node, int privileges, ViewDef via, int depth) {
        if (!(node instanceof SqlIdentifier id)) {
            if (node instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
                relation(as.operand(0), privileges, via, depth);
            } else {
                walk(node, via, depth);
            }
            return;
        }
        String schema;
        String name;
        if (id.names.size() == 1) {
            if (withNames.contains(id.names.getFirst())) {
                return;
            }
            schema = Catalog.DEFAULT_SCHEMA;
            name = id.names.getFirst();
        } else if (id.names.size() == 2) {
            schema = id.names.get(0);
            name = id.names.get(1);
        } else {
            return;
        }
        Table table = catalog.table(schema, name);
        if (table != null) {
            add(new TableAccess(AclTarget.table(table.def().id()), schema, name, false, privileges,
                    via == null ? null : via.schema(), via == null ? null : via.name()));
            return;
        }
        ViewDef view = catalog.view(schema, name);
        if (view == null) {
            return; // a system relation, or a name the planner will report as missing
        }
        add(new TableAccess(AclTarget.view(schema, name), schema, name, true, privileges,
                via == null ? null : via.schema(), via == null ? null : via.name()));
        if (depth < MAX_VIEW_DEPTH) {
            Set<String> outerWithNames = new HashSet<>(withNames);
            withNames.clear();
            statement(parser.apply(view.query()), view, depth + 1);
            withNames.clear();
            withNames.addAll(outerWithNames);
        }
    }

    private void add(TableAccess access) {
        // Keyed by relation and by the view it is reached through: the same table named directly
        // and inside a view is checked twice, once for each role.
        AclTarget key = access.viewName() == null ? access.target()
                : new AclTarget(access.target().kind(), access.target().tableId(),
                access.target().schema() + "\u0000" + access.viewSchema() + "." + access.viewName(), access.target().name());
        TableAccess before = found.get(key);
        found.put(key, before == null ? access : before.withPrivileges(access.privileges()));
    }

    private static boolean mentionsColumns(SqlNode node) {
        return switch (node) {
            case null -> false;
            case SqlIdentifier _ -> true;
            case SqlCall call -> call.getOperandList().stream().anyMatch(AccessCollector::mentionsColumns);
            case SqlNodeList list -> list.getList().stream().anyMatch(AccessCollector::mentionsColumns);
            default -> false;
        };
    }
}

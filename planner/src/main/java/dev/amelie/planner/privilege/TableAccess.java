package dev.amelie.planner.privilege;

import dev.amelie.compute.catalog.AclTarget;

/**
 * One relation a statement reads or writes, with the privileges it needs there
 * ({@link dev.amelie.compute.catalog.AclItem} bits). {@code kind} and {@code name} word the
 * 42501 error. {@code viewSchema}/{@code viewName}: the view whose query names the relation,
 * whose owner's privileges are checked rather than the session's (PostgreSQL checks a view's
 * relations as the view owner); null when the statement names it itself.
 */
public record TableAccess(AclTarget target, String schema, String name, boolean view, int privileges,
                          String viewSchema, String viewName) {

    public TableAccess withPrivileges(int more) {
        return new TableAccess(target, schema, name, view, privileges | more, viewSchema, viewName);
    }
}

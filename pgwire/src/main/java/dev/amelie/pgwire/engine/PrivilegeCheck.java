package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ObjectAcl;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.planner.privilege.Privileges;
import dev.amelie.planner.privilege.TableAccess;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;

/**
 * Whether the session's current role may run a planned statement (42501 when not), and who owns
 * what it creates. A superuser passes at once; a data statement's verdict is kept per plan, role
 * and catalog version, so a plan run again by the same role costs nothing more (the plan cache
 * hit path stays free of privilege work).
 */
final class PrivilegeCheck {
    private final Planner planner;

    PrivilegeCheck(Planner planner) {
        this.planner = planner;
    }

    /**
     * The role the connection's statements run as (SET ROLE's, else the login role). Without a
     * protocol session (embedded use) it is the bootstrap superuser; a role dropped meanwhile has no privileges.
     */
    RoleDef currentRole(EngineConnection connection) {
        String name = connection.sessions().user(true);
        Catalog catalog = planner.catalog();
        if (name == null) {
            return catalog.access().role(RoleDef.BOOTSTRAP_OID);
        }
        RoleDef role = catalog.access().role(name);
        if (role != null) {
            return role;
        }
        long oid = name.equals(Privileges.DATABASE_OWNER_NAME) ? Privileges.DATABASE_OWNER : -1;
        return new RoleDef(oid, name, false, false, false, false, false, false, false, -1, null);
    }

    void check(EngineConnection connection, RoleDef role, PlannedStatement planned) {
        if (role == null || role.superuser()) {
            return;
        }
        Catalog catalog = planner.catalog();
        switch (planned) {
            case PlannedStatement.Query query -> checkQuery(connection, role, query, catalog);
            case PlannedStatement.Explain explain -> checkQuery(connection, role, explain.statement(), catalog);
            case PlannedStatement.DeclareCursor declare -> checkQuery(connection, role, declare.query(), catalog);
            case PlannedStatement.CreateTable create -> requireCreate(catalog, role, create.schema());
            case PlannedStatement.CreateView create -> requireCreate(catalog, role, create.schema());
            case PlannedStatement.CreateSequence create -> requireCreate(catalog, role, create.schema());
            case PlannedStatement.CreateTableAs create -> requireCreate(catalog, role, create.schema());
            case PlannedStatement.CreateSchema _ -> throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE,
                    "permission denied for database " + dev.amelie.planner.catalog.SystemView.DATABASE);
            case PlannedStatement.DropSchema drop -> {
                for (String schema : drop.names()) {
                    if (catalog.schemaExists(schema) && !Privileges.owns(catalog, role, AclTarget.schema(schema))) {
                        throw notOwner("schema", schema);
                    }
                }
            }
            case PlannedStatement.DropTable drop -> drop.names().forEach(name -> requireTableOwner(catalog, role, name, "table"));
            case PlannedStatement.DropMaterializedView drop ->
                    drop.names().forEach(name -> requireTableOwner(catalog, role, name, "materialized view"));
            case PlannedStatement.RefreshMaterializedView refresh ->
                    requireTableOwner(catalog, role, refresh.name(), "materialized view");
            case PlannedStatement.DropView drop -> {
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    if (catalog.view(name.schema(), name.name()) != null
                            && !Privileges.owns(catalog, role, AclTarget.view(name.schema(), name.name()))) {
                        throw notOwner("view", name.name());
                    }
                }
            }
            case PlannedStatement.AddColumn add -> requireTableOwner(catalog, role, add.table(), "table");
            case PlannedStatement.AlterTable alter -> requireTableOwner(catalog, role, alter.table(), "table");
            case PlannedStatement.AddPrimaryKey add -> requireTableOwner(catalog, role, add.table(), "table");
            case PlannedStatement.CreateIndex create -> requireTableOwner(catalog, role,
                    new PlannedStatement.QualifiedName(create.schema(), create.table()), "table");
            case PlannedStatement.DropIndex drop -> {
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    for (var table : catalog.tables()) {
                        if (table.def().schema().equals(name.schema()) && table.index(name.name()) != null
                                && !Privileges.owns(catalog, role, AclTarget.table(table.def().id()))) {
                            throw notOwner("index", name.name());
                        }
                    }
                }
            }
            case PlannedStatement.Truncate truncate -> {
                for (PlannedStatement.QualifiedName name : truncate.names()) {
                    TableDef def = planner.table(name);
                    if (def != null) {
                        requireTable(catalog, role, name, def, AclItem.TRUNCATE);
                    }
                }
            }
            case PlannedStatement.Copy copy -> {
                if (copy.statement().from()) {
                    var target = planner.copyTarget(copy.statement());
                    requireTable(catalog, role, new PlannedStatement.QualifiedName(target.table().schema(),
                            target.table().name()), target.table(), AclItem.INSERT);
                } else {
                    checkQuery(connection, role, planner.copyQuery(copy.statement()), catalog);
                }
            }
            default -> {
                // Transaction control, session statements, roles and grants (which check for themselves).
            }
        }
    }

    private void checkQuery(EngineConnection connection, RoleDef role, PlannedStatement.Query query, Catalog catalog) {
        if (query.accesses().isEmpty() || connection.privilegesChecked(query, role.oid(), catalog.version())) {
            return;
        }
        Privileges.check(catalog, role, query.accesses());
        connection.privilegesPassed(query, role.oid(), catalog.version());
    }

    private static void requireCreate(Catalog catalog, RoleDef role, String schema) {
        if (catalog.schemaExists(schema) && !Privileges.has(catalog, role, AclTarget.schema(schema), AclItem.CREATE)) {
            throw Privileges.deniedSchema(schema);
        }
    }

    private void requireTableOwner(Catalog catalog, RoleDef role, PlannedStatement.QualifiedName name, String kind) {
        TableDef def = planner.table(name);
        if (def != null && !Privileges.owns(catalog, role, AclTarget.table(def.id()))) {
            throw notOwner(def.isMaterializedView() ? "materialized view" : kind, name.name());
        }
    }

    private static void requireTable(Catalog catalog, RoleDef role, PlannedStatement.QualifiedName name, TableDef def,
                                     int privileges) {
        Privileges.check(catalog, role, List.of(new TableAccess(AclTarget.table(def.id()), name.schema(), name.name(),
                false, privileges, null, null)));
    }

    private static SqlException notOwner(String kind, String name) {
        return new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of " + kind + " " + name);
    }

    /** The objects a statement is about to create, which the role will own (null: none). */
    AclTarget toBeCreated(PlannedStatement planned) {
        Catalog catalog = planner.catalog();
        return switch (planned) {
            case PlannedStatement.CreateTable create when catalog.table(create.schema(), create.name()) == null ->
                    AclTarget.view(create.schema(), create.name()); // a placeholder: the id is known once created
            case PlannedStatement.CreateTableAs create when catalog.table(create.schema(), create.name()) == null ->
                    AclTarget.view(create.schema(), create.name());
            case PlannedStatement.CreateView create when catalog.view(create.schema(), create.name()) == null ->
                    AclTarget.view(create.schema(), create.name());
            case PlannedStatement.CreateSchema create when !catalog.schemaExists(create.name()) ->
                    AclTarget.schema(create.name());
            default -> null;
        };
    }

    /** After the statement created {@code created}: a role other than the bootstrap superuser owns it. */
    void recordOwner(Transaction transaction, PlannedStatement planned, AclTarget created, RoleDef role) {
        if (created == null || role == null || role.oid() == RoleDef.BOOTSTRAP_OID) {
            return;
        }
        Catalog catalog = planner.catalog();
        AclTarget target = created;
        if (planned instanceof PlannedStatement.CreateTable || planned instanceof PlannedStatement.CreateTableAs) {
            var table = catalog.table(created.schema(), created.name());
            if (table == null) {
                return;
            }
            target = AclTarget.table(table.def().id());
        }
        transaction.definePrivileges(target, new ObjectAcl(role.oid(), null));
    }
}

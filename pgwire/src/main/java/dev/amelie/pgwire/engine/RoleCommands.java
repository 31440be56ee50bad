package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.AccessControl;
import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ObjectAcl;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.auth.Md5Password;
import dev.amelie.pgwire.auth.ScramVerifier;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.Grant.GrantObjects;
import dev.amelie.planner.Planner;
import dev.amelie.planner.ddl.GrantParser;
import dev.amelie.planner.privilege.Privileges;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CREATE / ALTER / DROP ROLE and GRANT / REVOKE, with PostgreSQL 15's rules and words
 * (user.c, aclchk.c): who may change roles (superusers, CREATEROLE roles for non-superusers,
 * anyone their own password), passwords stored as SCRAM-SHA-256 verifiers unless given as a
 * verifier or md5 hash already, and grants made by an object's owner (a superuser grants as the owner).
 */
final class RoleCommands {
    private final Planner planner;

    RoleCommands(Planner planner) {
        this.planner = planner;
    }

    StatementExecution.Result run(Transaction transaction, PlannedStatement planned, RoleDef current, String sessionUser) {
        return switch (planned) {
            case PlannedStatement.CreateRole create -> create(transaction, create, current);
            case PlannedStatement.AlterRole alter -> alter(transaction, alter, current);
            case PlannedStatement.RenameRole rename -> rename(transaction, rename, current, sessionUser);
            case PlannedStatement.DropRole drop -> drop(transaction, drop, current, sessionUser);
            case PlannedStatement.Grant grant -> grant(transaction, grant, current, sessionUser);
            default -> throw new IllegalStateException("not a role statement: " + planned);
        };
    }

    private StatementExecution.Result create(Transaction transaction, PlannedStatement.CreateRole create, RoleDef current) {
        PlannedStatement.RoleOptions options = create.options();
        if (!current.superuser() && !current.createRole()) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create role");
        }
        if (Boolean.TRUE.equals(options.superuser()) && !current.superuser()) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to create superusers");
        }
        if (create.name().startsWith("pg_")) {
            throw new SqlException(SqlState.RESERVED_NAME, "role name \"" + create.name() + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
        AccessControl access = planner.catalog().access();
        if (access.role(create.name()) != null || create.name().equals(Privileges.DATABASE_OWNER_NAME)) {
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "role \"" + create.name() + "\" already exists");
        }
        List<Notice> notices = new ArrayList<>();
        RoleDef role = new RoleDef(access.nextRoleOid(), create.name(), orElse(options.superuser(), false),
                orElse(options.inherit(), true), orElse(options.createRole(), false), orElse(options.createDb(), false),
                orElse(options.login(), create.user()), orElse(options.replication(), false),
                orElse(options.bypassRls(), false), limit(options.connectionLimit(), -1),
                options.passwordGiven() ? stored(create.name(), options.password(), notices) : null);
        transaction.defineRole(role);
        return new StatementExecution.Result("CREATE ROLE", List.of(), null, notices, 0);
    }

    private StatementExecution.Result alter(Transaction transaction, PlannedStatement.AlterRole alter, RoleDef current) {
        PlannedStatement.RoleOptions options = alter.options();
        RoleDef role = existing(alter.name());
        boolean onlyPassword = options.superuser() == null && options.createDb() == null && options.createRole() == null
                && options.inherit() == null && options.login() == null && options.replication() == null
                && options.bypassRls() == null && options.connectionLimit() == null;
        if (!current.superuser()) {
            if (role.superuser() || options.superuser() != null || options.replication() != null || options.bypassRls() != null) {
                throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE,
                        "must be superuser to alter superuser roles or change superuser attribute");
            }
            boolean self = role.oid() == current.oid();
            if (!current.createRole() && !(self && onlyPassword)) {
                throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied");
            }
        }
        if (role.oid() == RoleDef.BOOTSTRAP_OID && Boolean.FALSE.equals(options.superuser())) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied: bootstrap user must be superuser");
        }
        List<Notice> notices = new ArrayList<>();
        RoleDef changed = new RoleDef(role.oid(), role.name(), orElse(options.superuser(), role.superuser()),
                orElse(options.inherit(), role.inherit()), orElse(options.createRole(), role.createRole()),
                orElse(options.createDb(), role.createDb()), orElse(options.login(), role.login()),
                orElse(options.replication(), role.replication()), orElse(options.bypassRls(), role.bypassRls()),
                limit(options.connectionLimit(), role.connectionLimit()),
                options.passwordGiven() ? stored(role.name(), options.password(), notices) : role.password());
        transaction.defineRole(changed);
        return new StatementExecution.Result("ALTER ROLE", List.of(), null, notices, 0);
    }

    private StatementExecution.Result rename(Transaction transaction, PlannedStatement.RenameRole rename, RoleDef current,
                                             String sessionUser) {
        RoleDef role = existing(rename.name());
        if (rename.name().equals(sessionUser)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
        }
        if (role.oid() == current.oid()) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "current user cannot be renamed");
        }
        if (!current.superuser() && (role.superuser() || !current.createRole())) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, role.superuser()
                    ? "must be superuser to rename superusers" : "permission denied to rename role");
        }
        if (rename.newName().startsWith("pg_")) {
            throw new SqlException(SqlState.RESERVED_NAME, "role name \"" + rename.newName() + "\" is reserved",
                    "Role names starting with \"pg_\" are reserved.", null, 0, null);
        }
        if (planner.catalog().access().role(rename.newName()) != null) {
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "role \"" + rename.newName() + "\" already exists");
        }
        List<Notice> notices = new ArrayList<>();
        RoleDef renamed = role.withName(rename.newName());
        if (Md5Password.isHash(role.password())) {
            // The md5 hash is salted with the name, so it no longer matches (user.c RenameRole).
            renamed = renamed.withPassword(null);
            notices.add(Notice.notice("MD5 password cleared because of role rename"));
        }
        transaction.defineRole(renamed);
        return new StatementExecution.Result("ALTER ROLE", List.of(), null, notices, 0);
    }

    private StatementExecution.Result drop(Transaction transaction, PlannedStatement.DropRole drop, RoleDef current,
                                           String sessionUser) {
        if (!current.superuser() && !current.createRole()) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to drop role");
        }
        List<Notice> notices = new ArrayList<>();
        for (String name : drop.names()) {
            RoleDef role = planner.catalog().access().role(name);
            if (role == null) {
                if (!drop.ifExists()) {
                    throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
                }
                notices.add(Notice.notice("role \"" + name + "\" does not exist, skipping"));
                continue;
            }
            if (role.oid() == current.oid()) {
                throw new SqlException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (name.equals(sessionUser)) {
                throw new SqlException(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (role.oid() == RoleDef.BOOTSTRAP_OID) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role " + name
                        + " because it is required by the database system");
            }
            if (role.superuser() && !current.superuser()) {
                throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to drop superusers");
            }
            List<String> dependents = dependents(planner.catalog(), role);
            if (!dependents.isEmpty()) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + name
                        + "\" cannot be dropped because some objects depend on it", String.join("\n", dependents), null, 0, null);
            }
            transaction.dropRole(role.oid());
        }
        return new StatementExecution.Result("DROP ROLE", List.of(), null, notices, 0);
    }

    /** What keeps a role from being dropped, in PostgreSQL's words (pg_shdepend.c): owned objects, then privileges. */
    private static List<String> dependents(Catalog catalog, RoleDef role) {
        List<String> owned = new ArrayList<>();
        List<String> privileges = new ArrayList<>();
        for (Map.Entry<AclTarget, ObjectAcl> entry : catalog.access().acls().entrySet()) {
            ObjectAcl acl = entry.getValue();
            String object = describe(catalog, entry.getKey());
            if (acl.owner() == role.oid()) {
                owned.add("owner of " + object);
            } else if (acl.mentions(role.oid())) {
                privileges.add("privileges for " + object);
            }
        }
        owned.sort(null);
        privileges.sort(null);
        owned.addAll(privileges);
        return owned;
    }

    private static String describe(Catalog catalog, AclTarget target) {
        return switch (target.kind()) {
            case TABLE -> {
                var table = catalog.table(target.tableId());
                String name = table == null ? "?" : qualified(table.def().schema(), table.def().name());
                yield (table != null && table.def().isMaterializedView() ? "materialized view " : "table ") + name;
            }
            case VIEW -> "view " + qualified(target.schema(), target.name());
            case SCHEMA -> "schema " + target.schema();
        };
    }

    private static String qualified(String schema, String name) {
        return schema.equals(Catalog.DEFAULT_SCHEMA) ? name : schema + "." + name;
    }

    private StatementExecution.Result grant(Transaction transaction, PlannedStatement.Grant grant, RoleDef current,
                                            String sessionUser) {
        Catalog catalog = planner.catalog();
        List<Long> grantees = new ArrayList<>();
        for (String grantee : grant.grantees()) {
            if (grantee == null) {
                grantees.add(AclItem.PUBLIC);
                continue;
            }
            String name = grantee.equals(GrantParser.CURRENT_USER) ? current.name()
                    : grantee.equals(GrantParser.SESSION_USER) ? sessionUser : grantee;
            RoleDef role = catalog.access().role(name);
            if (role == null) {
                throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
            }
            grantees.add(role.oid());
        }
        for (Object[] object : objects(catalog, grant)) {
            AclTarget target = (AclTarget) object[0];
            String kind = (String) object[1];
            String name = (String) object[2];
            ObjectAcl acl = Privileges.acl(catalog, target);
            boolean owner = acl.owner() == current.oid()
                    || acl.owner() == Privileges.DATABASE_OWNER && current.oid() == RoleDef.BOOTSTRAP_OID;
            if (!current.superuser() && !owner) {
                throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for " + kind + " " + name);
            }
            for (long grantee : grantees) {
                // A superuser grants as the owner, as aclchk.c select_best_grantor makes it.
                acl = acl.changed(grantee, acl.owner(), grant.privileges(), grant.grant(), Privileges.ownerDefault(target),
                        Privileges.publicDefault(target));
            }
            transaction.definePrivileges(target, acl);
            catalog = planner.catalog();
        }
        return new StatementExecution.Result(grant.grant() ? "GRANT" : "REVOKE", List.of(), null, List.of(), 0);
    }

    /** {target, kind word for errors, name} of each object the statement names; 42P01 / 3F000 for one that is missing. */
    private List<Object[]> objects(Catalog catalog, PlannedStatement.Grant grant) {
        List<Object[]> objects = new ArrayList<>();
        for (PlannedStatement.QualifiedName name : grant.names()) {
            switch (grant.objects()) {
                case SCHEMAS -> {
                    if (!catalog.schemaExists(name.schema())) {
                        throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name.schema() + "\" does not exist");
                    }
                    objects.add(new Object[] {AclTarget.schema(name.schema()), "schema", name.schema()});
                }
                case ALL_TABLES_IN_SCHEMAS -> {
                    if (!catalog.schemaExists(name.schema())) {
                        throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name.schema() + "\" does not exist");
                    }
                    catalog.tables().stream().map(t -> t.def()).filter(d -> d.schema().equals(name.schema()))
                            .sorted(java.util.Comparator.comparingLong(TableDef::id))
                            .forEach(d -> objects.add(new Object[] {AclTarget.table(d.id()), "table", d.name()}));
                    catalog.viewsByName().values().stream().filter(v -> v.schema().equals(name.schema()))
                            .sorted(java.util.Comparator.comparing(v -> v.name()))
                            .forEach(v -> objects.add(new Object[] {AclTarget.view(v.schema(), v.name()), "view", v.name()}));
                }
                case TABLES -> {
                    var table = catalog.table(name.schema(), name.name());
                    if (table != null) {
                        objects.add(new Object[] {AclTarget.table(table.def().id()),
                                table.def().isMaterializedView() ? "materialized view" : "table", name.name()});
                    } else if (catalog.view(name.schema(), name.name()) != null) {
                        objects.add(new Object[] {AclTarget.view(name.schema(), name.name()), "view", name.name()});
                    } else {
                        throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + (name.schema().equals(Catalog.DEFAULT_SCHEMA)
                                ? name.name() : name.schema() + "." + name.name()) + "\" does not exist");
                    }
                }
            }
        }
        return objects;
    }

    private RoleDef existing(String name) {
        RoleDef role = planner.catalog().access().role(name);
        if (role == null) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return role;
    }

    /**
     * The password as stored: a SCRAM verifier or md5 hash given as such is kept; anything else
     * becomes a SCRAM-SHA-256 verifier (password_encryption's default); an empty one clears it.
     */
    private static String stored(String role, String password, List<Notice> notices) {
        if (password == null) {
            return null;
        }
        if (password.isEmpty()) {
            notices.add(Notice.notice("empty string is not a valid password, clearing password"));
            return null;
        }
        if (ScramVerifier.parse(password) != null || Md5Password.isHash(password)) {
            return password;
        }
        return ScramVerifier.derive(password).text();
    }

    private static int limit(Integer given, int otherwise) {
        if (given == null) {
            return otherwise;
        }
        if (given < -1) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: " + given);
        }
        return given;
    }

    private static boolean orElse(Boolean given, boolean otherwise) {
        return given != null ? given : otherwise;
    }
}

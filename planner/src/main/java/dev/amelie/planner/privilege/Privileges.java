package dev.amelie.planner.privilege;

import dev.amelie.compute.catalog.AccessControl;
import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ObjectAcl;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * What a role may do with an object, as PostgreSQL's aclchk.c decides it: a superuser
 * everything; the owner what the owner's entry gives (all of it until an acl is written);
 * anyone else what their entry and PUBLIC's give. Schema public is owned by pg_database_owner
 * and PUBLIC may use it (PostgreSQL 15: PUBLIC may no longer create in it).
 */
public final class Privileges {
    /** PostgreSQL 15's pg_database_owner, the owner of schema public. */
    public static final long DATABASE_OWNER = 6171;
    public static final String DATABASE_OWNER_NAME = "pg_database_owner";

    private Privileges() {}

    /** The owner and privileges of an object, with PostgreSQL's defaults for schema public. */
    public static ObjectAcl acl(Catalog catalog, AclTarget target) {
        ObjectAcl acl = catalog.access().acls().get(target);
        if (acl != null) {
            return acl;
        }
        if (isPublicSchema(target)) {
            return new ObjectAcl(DATABASE_OWNER, null);
        }
        return new ObjectAcl(RoleDef.BOOTSTRAP_OID, null);
    }

    /** What the owner has until an acl is written. */
    public static int ownerDefault(AclTarget target) {
        return target.kind() == AclTarget.Kind.SCHEMA ? AclItem.ALL_SCHEMA : AclItem.ALL_TABLE;
    }

    /** What PUBLIC has until an acl is written: USAGE on schema public only. */
    public static int publicDefault(AclTarget target) {
        return isPublicSchema(target) ? AclItem.USAGE : 0;
    }

    private static boolean isPublicSchema(AclTarget target) {
        return target.kind() == AclTarget.Kind.SCHEMA && target.schema().equals(Catalog.DEFAULT_SCHEMA);
    }

    /** The privileges {@code role} holds on the object (all of them for a superuser). */
    public static int held(Catalog catalog, RoleDef role, AclTarget target) {
        if (role != null && role.superuser()) {
            return -1;
        }
        if (target.kind() == AclTarget.Kind.SCHEMA && (target.schema().equals(Catalog.SYSTEM_SCHEMA)
                || target.schema().equals("information_schema"))) {
            return AclItem.USAGE;
        }
        long oid = role == null ? -1 : role.oid();
        ObjectAcl acl = acl(catalog, target);
        int held = acl.privilegesOf(oid, ownerDefault(target), publicDefault(target));
        // The database owner is a member of pg_database_owner, as in PostgreSQL.
        if (acl.owner() == DATABASE_OWNER && oid == RoleDef.BOOTSTRAP_OID) {
            held |= acl.privilegesOf(DATABASE_OWNER, ownerDefault(target), publicDefault(target));
        }
        return held;
    }

    public static boolean has(Catalog catalog, RoleDef role, AclTarget target, int privileges) {
        return (held(catalog, role, target) & privileges) == privileges;
    }

    /** Whether the role owns the object (or is a superuser, who may do what an owner may). */
    public static boolean owns(Catalog catalog, RoleDef role, AclTarget target) {
        if (role != null && role.superuser()) {
            return true;
        }
        return role != null && acl(catalog, target).owner() == role.oid();
    }

    /**
     * 42501 unless the role may do all a statement's accesses need: USAGE on each relation's
     * schema, then the privileges on the relation; relations reached through a view are checked
     * as the view's owner.
     */
    public static void check(Catalog catalog, RoleDef role, List<TableAccess> accesses) {
        for (TableAccess access : accesses) {
            RoleDef checked = role;
            if (access.viewName() != null) {
                checked = catalog.access().role(acl(catalog, AclTarget.view(access.viewSchema(), access.viewName())).owner());
            }
            if (checked != null && checked.superuser()) {
                continue;
            }
            if (!has(catalog, checked, AclTarget.schema(access.schema()), AclItem.USAGE)) {
                throw deniedSchema(access.schema());
            }
            if (!has(catalog, checked, access.target(), access.privileges())) {
                throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for "
                        + (access.view() ? "view " : "table ") + access.name());
            }
        }
    }

    public static SqlException deniedSchema(String schema) {
        return new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema " + schema);
    }

    /** An acl as aclitem[] text ({@code grantee=privileges/grantor}, PUBLIC's grantee empty); null for the default. */
    public static Object[] aclText(AccessControl access, ObjectAcl acl) {
        if (acl == null || acl.items() == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (AclItem item : acl.items()) {
            items.add((item.grantee() == AclItem.PUBLIC ? "" : quotedName(roleName(access, item.grantee()))) + "="
                    + AclItem.letters(item.privileges()) + "/" + quotedName(roleName(access, item.grantor())));
        }
        return items.toArray();
    }

    /** A role's name by OID, as pg_get_userbyid gives it. */
    public static String roleName(AccessControl access, long oid) {
        if (oid == DATABASE_OWNER) {
            return DATABASE_OWNER_NAME;
        }
        RoleDef role = access.role(oid);
        return role != null ? role.name() : "unknown (OID=" + oid + ")";
    }

    /** acl.c putid: a name that is not plain lower-case letters, digits and underscores is double-quoted. */
    private static String quotedName(String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && !Character.isUpperCase(c) || c == '_')) {
                plain = false;
            }
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

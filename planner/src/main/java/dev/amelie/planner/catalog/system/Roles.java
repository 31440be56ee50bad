package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.planner.privilege.Privileges;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The roles as the catalogs show them: the catalog's roles (the bootstrap superuser "amelie",
 * OID 10, among them) and pg_database_owner, the predefined role that owns schema public in
 * PostgreSQL 15.
 */
public final class Roles {
    static final long OWNER = RoleDef.BOOTSTRAP_OID;
    static final String NAME = dev.amelie.planner.catalog.SystemView.ROLE_NAME;
    static final long DATABASE_OWNER = Privileges.DATABASE_OWNER;
    static final String DATABASE_OWNER_NAME = Privileges.DATABASE_OWNER_NAME;

    private Roles() {}

    /** pg_get_userbyid: the role's name, or PostgreSQL's text for an OID no role has. */
    static String name(CatalogContents contents, long oid) {
        return Privileges.roleName(contents.catalog().access(), oid);
    }

    /** Whether a role of this name exists, when no catalog is at hand (the bootstrap superuser's name). */
    public static boolean exists(String name) {
        return name.equals(NAME) || name.equals(DATABASE_OWNER_NAME);
    }

    /** Whether a role of this name exists in the catalog. */
    public static boolean exists(Catalog catalog, String name) {
        return catalog.access().role(name) != null || name.equals(DATABASE_OWNER_NAME);
    }

    /** Every role, by OID: pg_database_owner is a row of its own, without LOGIN. */
    static List<RoleDef> all(CatalogContents contents) {
        List<RoleDef> roles = new ArrayList<>(contents.catalog().access().rolesByName().values());
        roles.add(new RoleDef(DATABASE_OWNER, DATABASE_OWNER_NAME, false, true, false, false, false, false, false, -1, null));
        roles.sort(Comparator.comparingLong(RoleDef::oid));
        return roles;
    }

    /** The owner of a relation (pg_class.relowner). */
    static long owner(CatalogContents contents, CatalogContents.Relation relation) {
        AclTarget target = target(relation);
        return target == null ? OWNER : Privileges.acl(contents.catalog(), target).owner();
    }

    /** The acl of a relation as aclitem[] text, null when it has the default privileges. */
    static Object aclOf(CatalogContents contents, CatalogContents.Relation relation) {
        AclTarget target = target(relation);
        if (target == null) {
            return null;
        }
        Object[] items = Privileges.aclText(contents.catalog().access(), contents.catalog().access().acls().get(target));
        return items == null ? null : new dev.amelie.vm.value.SqlArray(items);
    }

    private static AclTarget target(CatalogContents.Relation relation) {
        if (relation.table() != null && (relation.kind() == 'r' || relation.kind() == 'm')) {
            return AclTarget.table(relation.table().id());
        }
        if (relation.kind() == 'v' && relation.view() != null) {
            return AclTarget.view(relation.schema(), relation.name());
        }
        return null;
    }
}

package dev.amelie.planner.catalog.system;

import dev.amelie.compute.catalog.AclItem;
import dev.amelie.compute.catalog.AclTarget;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.planner.privilege.Privileges;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.value.RegClass;

import java.util.Locale;

/**
 * has_table_privilege and has_schema_privilege ([user,] object, privilege), as PostgreSQL's
 * acl.c: the user by name or OID (the current role when omitted), the object by name or OID,
 * the privilege a comma-separated list of names, any of which suffices, each perhaps
 * followed by WITH GRANT OPTION (never held here: grant options are not supported).
 */
final class PrivilegeFunctions {
    private PrivilegeFunctions() {}

    static Boolean has(boolean schema, Object[] args, CatalogContents contents, String currentUser) {
        for (Object arg : args) {
            if (arg == null) {
                return null;
            }
        }
        Object userArg = args.length == 3 ? args[0] : currentUser;
        Object object = args[args.length - 2];
        String privilegeText = args[args.length - 1].toString();
        RoleDef role = role(userArg, contents);
        AclTarget target = schema ? schemaTarget(object, contents) : tableTarget(object, contents);
        if (target == null) {
            return null; // an OID that names nothing: NULL, as PostgreSQL
        }
        if (!schema && target.kind() == AclTarget.Kind.SCHEMA) {
            bitsOf(privilegeText, false);
            return true; // a system relation or sequence
        }
        for (String item : privilegeText.split(",")) {
            String name = item.trim().toLowerCase(Locale.ROOT);
            boolean grantOption = name.endsWith(" with grant option");
            if (grantOption) {
                name = name.substring(0, name.length() - " with grant option".length()).trim();
            }
            int bit = bit(name, schema);
            if (grantOption) {
                if (role.superuser()) {
                    return true;
                }
                continue;
            }
            if (Privileges.has(contents.catalog(), role, target, bit)) {
                return true;
            }
        }
        return false;
    }

    private static void bitsOf(String text, boolean schema) {
        for (String item : text.split(",")) {
            String name = item.trim().toLowerCase(Locale.ROOT);
            bit(name.endsWith(" with grant option") ? name.substring(0, name.length() - 18).trim() : name, schema);
        }
    }

    private static int bit(String name, boolean schema) {
        int bit = switch (name) {
            case "select" -> schema ? -1 : AclItem.SELECT;
            case "insert" -> schema ? -1 : AclItem.INSERT;
            case "update" -> schema ? -1 : AclItem.UPDATE;
            case "delete" -> schema ? -1 : AclItem.DELETE;
            case "truncate" -> schema ? -1 : AclItem.TRUNCATE;
            case "references" -> schema ? -1 : AclItem.REFERENCES;
            case "trigger" -> schema ? -1 : AclItem.TRIGGER;
            case "usage" -> schema ? AclItem.USAGE : -1;
            case "create" -> schema ? AclItem.CREATE : -1;
            default -> -1;
        };
        if (bit < 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized privilege type: \"" + name + "\"");
        }
        return bit;
    }

    private static RoleDef role(Object user, CatalogContents contents) {
        var access = contents.catalog().access();
        RoleDef role = user instanceof Number oid ? access.role(oid.longValue()) : access.role(user.toString());
        if (role == null && user instanceof Number oid) {
            // PostgreSQL answers for an OID no role has as for a role without privileges.
            return new RoleDef(oid.longValue(), "", false, false, false, false, false, false, false, -1, null);
        }
        if (role == null) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "role \"" + user + "\" does not exist");
        }
        return role;
    }

    private static AclTarget tableTarget(Object table, CatalogContents contents) {
        CatalogContents.Relation relation;
        if (table instanceof RegClass regclass) {
            relation = contents.relation(regclass.oid());
        } else if (table instanceof Number oid) {
            relation = contents.relation(oid.longValue());
        } else {
            relation = CatalogFunctions.regclassRelation(table.toString(), contents);
            if (relation == null) {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist");
            }
        }
        if (relation == null) {
            return null;
        }
        if (relation.table() != null && (relation.kind() == 'r' || relation.kind() == 'm')) {
            return AclTarget.table(relation.table().id());
        }
        if (relation.kind() == 'v' && relation.view() != null) {
            return AclTarget.view(relation.schema(), relation.name());
        }
        // System relations and sequences: readable by everyone, as PostgreSQL grants SELECT on catalogs to PUBLIC.
        return AclTarget.schema("pg_catalog");
    }

    private static AclTarget schemaTarget(Object schema, CatalogContents contents) {
        if (schema instanceof Number oid) {
            for (CatalogContents.Namespace namespace : contents.namespaces()) {
                if (namespace.oid() == oid.longValue()) {
                    return AclTarget.schema(namespace.name());
                }
            }
            return null;
        }
        String name = schema.toString();
        if (contents.namespaces().stream().noneMatch(n -> n.name().equals(name))) {
            throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        return AclTarget.schema(name);
    }
}

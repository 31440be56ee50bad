package dev.amelie.compute.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * The roles and the privileges of one catalog version. Objects without an entry in {@code acls}
 * belong to the bootstrap superuser and have the default privileges, so a catalog from before
 * roles existed reads the same as one where the superuser made everything.
 */
public record AccessControl(Map<String, RoleDef> rolesByName, Map<AclTarget, ObjectAcl> acls) {
    public AccessControl {
        rolesByName = Map.copyOf(rolesByName);
        acls = Map.copyOf(acls);
    }

    public static AccessControl initial() {
        return new AccessControl(Map.of(RoleDef.BOOTSTRAP_NAME, RoleDef.bootstrap()), Map.of());
    }

    public RoleDef role(String name) {
        return rolesByName.get(name);
    }

    public RoleDef role(long oid) {
        for (RoleDef role : rolesByName.values()) {
            if (role.oid() == oid) {
                return role;
            }
        }
        return null;
    }

    /** The next OID for a role: past every role's, never below PostgreSQL's first user OID. */
    public long nextRoleOid() {
        long last = RoleDef.FIRST_USER_OID - 1;
        for (RoleDef role : rolesByName.values()) {
            last = Math.max(last, role.oid());
        }
        return last + 1;
    }

    /** The role of {@code role.oid()} is now {@code role} (created, changed or renamed). */
    public AccessControl withRole(RoleDef role) {
        Map<String, RoleDef> roles = new HashMap<>(rolesByName);
        roles.values().removeIf(r -> r.oid() == role.oid());
        roles.put(role.name(), role);
        return new AccessControl(roles, acls);
    }

    public AccessControl withoutRole(long oid) {
        Map<String, RoleDef> roles = new HashMap<>(rolesByName);
        roles.values().removeIf(r -> r.oid() == oid);
        return new AccessControl(roles, acls);
    }

    /** The owner and privileges of an object; the bootstrap superuser's defaults when it has no entry. */
    public ObjectAcl acl(AclTarget target) {
        ObjectAcl acl = acls.get(target);
        return acl != null ? acl : new ObjectAcl(RoleDef.BOOTSTRAP_OID, null);
    }

    /** {@code acl} null: the object is gone (or back to the defaults of the bootstrap superuser). */
    public AccessControl withAcl(AclTarget target, ObjectAcl acl) {
        Map<AclTarget, ObjectAcl> changed = new HashMap<>(acls);
        if (acl == null) {
            changed.remove(target);
        } else {
            changed.put(target, acl);
        }
        return new AccessControl(rolesByName, changed);
    }
}

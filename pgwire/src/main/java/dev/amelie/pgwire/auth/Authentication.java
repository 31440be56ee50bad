package dev.amelie.pgwire.auth;

import dev.amelie.compute.catalog.RoleDef;

/**
 * How a server lets clients in: the rules saying which method a connection must use, and the
 * roles (with their password verifiers) it checks them against. {@link #NONE} lets everyone in
 * as whatever user they name, without looking for roles (embedded engines without a catalog of roles).
 */
public record Authentication(HbaRules rules, RoleDirectory roles) {
    public static final Authentication NONE = new Authentication(null, null);

    /** The roles of the current catalog, by name. */
    @FunctionalInterface
    public interface RoleDirectory {
        /** The role of this name now, or null. */
        RoleDef role(String name);
    }

    public boolean enforced() {
        return rules != null;
    }
}

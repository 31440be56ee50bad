package dev.amelie.compute.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Who owns an object and who may do what with it. {@code items} null is PostgreSQL's NULL acl:
 * the default privileges (the owner everything, PUBLIC nothing, except USAGE on schema public);
 * the first GRANT or REVOKE writes the list out, the owner's entry first, as aclitems do.
 */
public record ObjectAcl(long owner, List<AclItem> items) {
    public ObjectAcl {
        items = items == null ? null : List.copyOf(items);
    }

    /** The privileges {@code role} has here, PUBLIC's included (the owner's from the default when null). */
    public int privilegesOf(long role, int ownerDefault, int publicDefault) {
        if (items == null) {
            return (role == owner ? ownerDefault : 0) | publicDefault;
        }
        int privileges = 0;
        for (AclItem item : items) {
            if (item.grantee() == role || item.grantee() == AclItem.PUBLIC) {
                privileges |= item.privileges();
            }
        }
        return privileges;
    }

    /**
     * The list after GRANT ({@code grant}) or REVOKE of {@code privileges} to {@code grantee} by
     * {@code grantor}, starting from the default list when none was written yet.
     */
    public ObjectAcl changed(long grantee, long grantor, int privileges, boolean grant, int ownerDefault, int publicDefault) {
        List<AclItem> list = new ArrayList<>();
        if (items == null) {
            list.add(new AclItem(owner, owner, ownerDefault));
            if (publicDefault != 0) {
                list.add(new AclItem(AclItem.PUBLIC, owner, publicDefault));
            }
        } else {
            list.addAll(items);
        }
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            AclItem item = list.get(i);
            if (item.grantee() == grantee && item.grantor() == grantor) {
                found = true;
                int now = grant ? item.privileges() | privileges : item.privileges() & ~privileges;
                list.set(i, new AclItem(grantee, grantor, now));
            }
        }
        if (!found && grant) {
            list.add(new AclItem(grantee, grantor, privileges));
        }
        list.removeIf(item -> item.privileges() == 0);
        return new ObjectAcl(owner, list);
    }

    /** Whether {@code role} owns the object or appears in its list. */
    public boolean mentions(long role) {
        return owner == role || items != null && items.stream().anyMatch(i -> i.grantee() == role || i.grantor() == role);
    }
}

package dev.amelie.compute.catalog;

/**
 * One entry of an access control list, as PostgreSQL's aclitem (utils/acl.h): what
 * {@code grantee} (0: PUBLIC) may do, granted by {@code grantor}. Privilege bits are
 * PostgreSQL's (parsenodes.h ACL_INSERT …), so the text form is its letters in its order.
 */
public record AclItem(long grantee, long grantor, int privileges) {
    public static final long PUBLIC = 0;

    public static final int INSERT = 1;
    public static final int SELECT = 1 << 1;
    public static final int UPDATE = 1 << 2;
    public static final int DELETE = 1 << 3;
    public static final int TRUNCATE = 1 << 4;
    public static final int REFERENCES = 1 << 5;
    public static final int TRIGGER = 1 << 6;
    public static final int USAGE = 1 << 8;
    public static final int CREATE = 1 << 9;

    /** Everything an owner of a table has (GRANT ALL ON TABLE). */
    public static final int ALL_TABLE = INSERT | SELECT | UPDATE | DELETE | TRUNCATE | REFERENCES | TRIGGER;
    public static final int ALL_SCHEMA = USAGE | CREATE;

    /** The letters of aclitem's text (acl.c aclitemout: ACL_ALL_RIGHTS_STR "arwdDxtXUCTc", in bit order). */
    private static final String LETTERS = "arwdDxtXUCTc";

    public static String letters(int privileges) {
        StringBuilder out = new StringBuilder();
        for (int bit = 0; bit < LETTERS.length(); bit++) {
            if ((privileges & (1 << bit)) != 0) {
                out.append(LETTERS.charAt(bit));
            }
        }
        return out.toString();
    }
}

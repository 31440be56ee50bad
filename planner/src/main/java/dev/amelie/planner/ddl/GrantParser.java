package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.AclItem;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.Grant.GrantObjects;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GRANT and REVOKE of privileges on tables and schemas (sql-grant.html, sql-revoke.html).
 * Grantees are role names, PUBLIC (null), or CURRENT_USER / SESSION_USER / CURRENT_ROLE, which
 * stay as those words until the statement runs in a session. Role membership (GRANT role TO
 * role) and WITH GRANT OPTION are not supported yet.
 */
public final class GrantParser {
    /** A grantee that names the session's current role (CURRENT_USER, CURRENT_ROLE). */
    public static final String CURRENT_USER = "\u0000current_user";
    /** A grantee that names the session's login role (SESSION_USER). */
    public static final String SESSION_USER = "\u0000session_user";

    private GrantParser() {}

    public static PlannedStatement parse(String text) {
        TokenStream in = new TokenStream(text);
        boolean grant = in.acceptWord("grant");
        if (!grant) {
            in.expectWord("revoke");
            if (in.acceptWord("grant")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "REVOKE GRANT OPTION FOR is not supported yet");
            }
        }
        List<Token> privilegeWords = new ArrayList<>();
        boolean all = false;
        if (in.acceptWord("all")) {
            all = true;
            in.acceptWord("privileges");
        } else {
            do {
                Token word = in.next();
                if (word.kind() != Token.Kind.WORD && word.kind() != Token.Kind.QUOTED_IDENTIFIER) {
                    throw syntaxErrorAt(word);
                }
                privilegeWords.add(word);
            } while (in.acceptSymbol(","));
        }
        if (!in.peek().isWord("on")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "granting and revoking role membership is not supported yet");
        }
        in.expectWord("on");
        GrantObjects objects;
        List<PlannedStatement.QualifiedName> names = new ArrayList<>();
        if (in.acceptWord("schema")) {
            objects = GrantObjects.SCHEMAS;
            do {
                names.add(new PlannedStatement.QualifiedName(in.expectIdentifier(), ""));
            } while (in.acceptSymbol(","));
        } else if (in.peek().isWord("all") && in.peek(2).isWord("tables")) {
            in.expectWord("all");
            in.expectWord("tables");
            in.expectWord("in");
            in.expectWord("schema");
            objects = GrantObjects.ALL_TABLES_IN_SCHEMAS;
            do {
                names.add(new PlannedStatement.QualifiedName(in.expectIdentifier(), ""));
            } while (in.acceptSymbol(","));
        } else {
            Token kind = in.peek();
            if (kind.kind() == Token.Kind.WORD && List.of("sequence", "function", "procedure", "routine", "database",
                    "domain", "language", "type", "tablespace", "foreign", "large", "parameter").contains(kind.text())) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "privileges on " + kind.text().toUpperCase(Locale.ROOT) + " are not supported yet");
            }
            in.acceptWord("table");
            objects = GrantObjects.TABLES;
            do {
                names.add(DdlParser.qualifiedName(in));
            } while (in.acceptSymbol(","));
        }
        in.expectWord(grant ? "to" : "from");
        List<String> grantees = new ArrayList<>();
        do {
            in.acceptWord("group");
            Token token = in.peek();
            if (token.isWord("public")) {
                in.next();
                grantees.add(null);
            } else if (token.isWord("current_user") || token.isWord("current_role")) {
                in.next();
                grantees.add(CURRENT_USER);
            } else if (token.isWord("session_user")) {
                in.next();
                grantees.add(SESSION_USER);
            } else {
                grantees.add(RoleParser.roleName(in));
            }
        } while (in.acceptSymbol(","));
        if (grant && in.acceptWord("with")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "WITH GRANT OPTION is not supported yet");
        }
        if (in.acceptWord("granted")) {
            in.expectWord("by");
            in.expectIdentifier();
        }
        if (!grant && !in.acceptWord("restrict")) {
            in.acceptWord("cascade");
        }
        in.expectEnd();
        int privileges = all ? (objects == GrantObjects.SCHEMAS ? AclItem.ALL_SCHEMA : AclItem.ALL_TABLE) : 0;
        for (Token word : privilegeWords) {
            privileges |= privilege(word.text().toLowerCase(Locale.ROOT), objects == GrantObjects.SCHEMAS);
        }
        return new PlannedStatement.Grant(grant, privileges, objects, names, grantees);
    }

    /** A privilege's bit; one that does not apply to the object is 0LP01, in aclchk.c's words. */
    private static int privilege(String name, boolean schema) {
        int bit = switch (name) {
            case "select" -> AclItem.SELECT;
            case "insert" -> AclItem.INSERT;
            case "update" -> AclItem.UPDATE;
            case "delete" -> AclItem.DELETE;
            case "truncate" -> AclItem.TRUNCATE;
            case "references" -> AclItem.REFERENCES;
            case "trigger" -> AclItem.TRIGGER;
            case "usage" -> AclItem.USAGE;
            case "create" -> AclItem.CREATE;
            case "execute", "temporary", "temp", "connect", "set", "alter" -> 0;
            default -> throw new SqlException(SqlState.SYNTAX_ERROR, "unrecognized privilege type \"" + name + "\"");
        };
        int allowed = schema ? AclItem.ALL_SCHEMA : AclItem.ALL_TABLE;
        if ((bit & allowed) == 0) {
            throw new SqlException(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type "
                    + name.toUpperCase(Locale.ROOT) + " for " + (schema ? "schema" : "table"));
        }
        return bit;
    }

    private static SqlException syntaxErrorAt(Token token) {
        String where = token.kind() == Token.Kind.END ? "at end of input" : "at or near \"" + token.text() + "\"";
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error " + where, null, null, token.position(), null);
    }
}

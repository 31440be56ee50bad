package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * CREATE ROLE / USER, ALTER ROLE / USER and DROP ROLE / USER, as PostgreSQL 15 writes them
 * (sql-createrole.html, sql-alterrole.html): the options kept in pg_authid; IN ROLE, ROLE,
 * ADMIN and VALID UNTIL are not supported yet.
 */
public final class RoleParser {
    private RoleParser() {}

    /** After CREATE: ROLE | USER name [[WITH] option …]. */
    static PlannedStatement parseCreate(TokenStream in) {
        boolean user = in.acceptWord("user");
        if (!user) {
            in.expectWord("role");
        }
        String name = roleName(in);
        in.acceptWord("with");
        return new PlannedStatement.CreateRole(name, options(in), user);
    }

    /** ALTER ROLE | USER name [WITH] option … | RENAME TO new. */
    public static PlannedStatement parseAlter(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("alter");
        if (!in.acceptWord("user")) {
            in.expectWord("role");
        }
        String name = roleName(in);
        if (in.acceptWord("rename")) {
            in.expectWord("to");
            String newName = roleName(in);
            in.expectEnd();
            return new PlannedStatement.RenameRole(name, newName);
        }
        if (in.peek().isWord("set") || in.peek().isWord("reset") || in.peek().isWord("in")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "ALTER ROLE … SET is not supported yet");
        }
        in.acceptWord("with");
        return new PlannedStatement.AlterRole(name, options(in));
    }

    /** After DROP: ROLE | USER [IF EXISTS] name [, …]. */
    static PlannedStatement parseDrop(TokenStream in) {
        boolean ifExists = in.acceptWords("if", "exists");
        List<String> names = new ArrayList<>();
        do {
            names.add(roleName(in));
        } while (in.acceptSymbol(","));
        in.expectEnd();
        return new PlannedStatement.DropRole(names, ifExists);
    }

    /** Whether ALTER names a role (ALTER ROLE, ALTER USER). */
    public static boolean isAlterRole(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("alter");
        return in.peek().isWord("role") || in.peek().isWord("user") && !in.peek(2).isWord("mapping");
    }

    /** A role name; PUBLIC and NONE are reserved for other meanings (gram.y RoleSpec, "role name "x" is reserved"). */
    static String roleName(TokenStream in) {
        Token token = in.peek();
        String name = in.expectIdentifier();
        if (token.kind() == Token.Kind.WORD && (name.equals("public") || name.equals("none"))) {
            throw new SqlException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved", null, null,
                    token.position(), null);
        }
        return name;
    }

    private static PlannedStatement.RoleOptions options(TokenStream in) {
        Boolean superuser = null;
        Boolean createDb = null;
        Boolean createRole = null;
        Boolean inherit = null;
        Boolean login = null;
        Boolean replication = null;
        Boolean bypassRls = null;
        Integer limit = null;
        boolean passwordGiven = false;
        String password = null;
        while (!in.atEnd()) {
            Token token = in.next();
            String word = token.kind() == Token.Kind.WORD ? token.text() : "";
            switch (word) {
                case "superuser" -> superuser = once(superuser, true, token);
                case "nosuperuser" -> superuser = once(superuser, false, token);
                case "createdb" -> createDb = once(createDb, true, token);
                case "nocreatedb" -> createDb = once(createDb, false, token);
                case "createrole" -> createRole = once(createRole, true, token);
                case "nocreaterole" -> createRole = once(createRole, false, token);
                case "inherit" -> inherit = once(inherit, true, token);
                case "noinherit" -> inherit = once(inherit, false, token);
                case "login" -> login = once(login, true, token);
                case "nologin" -> login = once(login, false, token);
                case "replication" -> replication = once(replication, true, token);
                case "noreplication" -> replication = once(replication, false, token);
                case "bypassrls" -> bypassRls = once(bypassRls, true, token);
                case "nobypassrls" -> bypassRls = once(bypassRls, false, token);
                case "connection" -> {
                    in.expectWord("limit");
                    Token number = in.next();
                    boolean negative = false;
                    if (number.isSymbol("-")) {
                        negative = true;
                        number = in.next();
                    }
                    if (number.kind() != Token.Kind.NUMBER) {
                        throw syntaxErrorAt(number);
                    }
                    limit = once(limit, (negative ? -1 : 1) * Integer.parseInt(number.text()), token);
                }
                case "encrypted", "password" -> {
                    if (word.equals("encrypted")) {
                        in.expectWord("password");
                    }
                    if (passwordGiven) {
                        throw conflicting(token);
                    }
                    passwordGiven = true;
                    if (!in.acceptWord("null")) {
                        Token value = in.next();
                        if (value.kind() != Token.Kind.STRING) {
                            throw syntaxErrorAt(value);
                        }
                        password = value.text();
                    }
                }
                case "unencrypted" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "UNENCRYPTED PASSWORD is no longer supported", null,
                        "Remove UNENCRYPTED to store the password in encrypted form instead.", token.position(), null);
                default -> {
                    if (word.equals("valid") || word.equals("in") || word.equals("role") || word.equals("admin")
                            || word.equals("user") || word.equals("sysid")) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                                word.toUpperCase(java.util.Locale.ROOT) + " in a role definition is not supported yet");
                    }
                    throw syntaxErrorAt(token);
                }
            }
        }
        return new PlannedStatement.RoleOptions(superuser, createDb, createRole, inherit, login, replication, bypassRls,
                limit, passwordGiven, password);
    }

    /** user.c: an option written twice is "conflicting or redundant options". */
    private static <T> T once(T before, T value, Token token) {
        if (before != null) {
            throw conflicting(token);
        }
        return value;
    }

    private static SqlException conflicting(Token token) {
        return new SqlException(SqlState.SYNTAX_ERROR, "conflicting or redundant options", null, null, token.position(), null);
    }

    private static SqlException syntaxErrorAt(Token token) {
        String where = token.kind() == Token.Kind.END ? "at end of input" : "at or near \"" + token.text() + "\"";
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error " + where, null, null, token.position(), null);
    }
}

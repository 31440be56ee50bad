package dev.amelie.planner.copy;

import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * COPY with PostgreSQL 15's grammar (gram.y CopyStmt): the option list in parentheses
 * ({@code WITH (FORMAT csv, HEADER true)}) and the older keyword options that psql and pgbench
 * still send ({@code WITH CSV HEADER DELIMITER ','}, {@code BINARY}, {@code FREEZE}). Only STDIN
 * and STDOUT are served: files and programs on the server are refused.
 */
public final class CopyParser {
    private CopyParser() {}

    public static CopyStatement parse(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("copy");
        List<CopyOptions.Option> options = new ArrayList<>();
        if (in.acceptWord("binary")) {
            options.add(new CopyOptions.Option("format", "binary", 0));
        }
        String schema = null;
        String table = null;
        String query = null;
        List<String> columns = new ArrayList<>();
        if (in.peek().isSymbol("(")) {
            query = parenthesizedQuery(text, in);
        } else {
            table = in.expectIdentifier();
            if (in.acceptSymbol(".")) {
                schema = table;
                table = in.expectIdentifier();
            }
            if (in.acceptSymbol("(")) {
                do {
                    columns.add(in.expectIdentifier());
                } while (in.acceptSymbol(","));
                in.expectSymbol(")");
            }
        }
        boolean from;
        if (query == null && in.acceptWord("from")) {
            from = true;
        } else {
            in.expectWord("to");
            from = false;
        }
        Token target = in.peek();
        if (target.isWord("program") || target.kind() == Token.Kind.STRING) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY " + (from ? "from" : "to") + " a file or program is not supported",
                    null, "Use STDIN or STDOUT, or a client-side facility such as psql's \\copy.", target.position(), null);
        }
        in.expectWord(from ? "stdin" : "stdout");
        if (in.acceptWord("using") || in.peek().isWord("delimiters")) {
            in.expectWord("delimiters");
            options.add(new CopyOptions.Option("delimiter", string(text, in), 0));
        }
        in.acceptWord("with");
        if (in.peek().isSymbol("(")) {
            genericOptions(text, in, options);
        } else {
            keywordOptions(text, in, options);
        }
        if (in.peek().isWord("where")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY FROM with WHERE is not supported yet",
                    null, null, in.peek().position(), null);
        }
        in.expectEnd();
        return new CopyStatement(schema, table, columns, query, from, CopyOptions.of(options, from));
    }

    /** The text between the parentheses of COPY (query); PostgreSQL allows no COPY (query) FROM. */
    private static String parenthesizedQuery(String text, TokenStream in) {
        Token open = in.next();
        int depth = 1;
        Token close;
        while (true) {
            close = in.next();
            if (close.kind() == Token.Kind.END) {
                throw in.syntaxError();
            }
            if (close.isSymbol("(")) {
                depth++;
            } else if (close.isSymbol(")") && --depth == 0) {
                break;
            }
        }
        String query = text.substring(open.position(), close.position() - 1).strip();
        if (query.isEmpty()) {
            throw in.syntaxError();
        }
        return query;
    }

    /** {@code (name [value], ...)}: copy_generic_opt_list. */
    private static void genericOptions(String text, TokenStream in, List<CopyOptions.Option> options) {
        in.expectSymbol("(");
        do {
            Token name = in.next();
            if (name.kind() != Token.Kind.WORD && name.kind() != Token.Kind.QUOTED_IDENTIFIER) {
                throw syntaxErrorAt(name);
            }
            String value = null;
            Token next = in.peek();
            if (next.isSymbol("(")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY option \"" + name.text() + "\" is not supported yet", null, null, name.position(), null);
            } else if (next.isSymbol("*")) {
                in.next();
                value = "*";
            } else if (next.kind() == Token.Kind.STRING) {
                value = string(text, in);
            } else if (next.kind() == Token.Kind.WORD || next.kind() == Token.Kind.NUMBER
                    || next.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                value = in.next().text();
            } else if (next.isSymbol("+") || next.isSymbol("-")) {
                in.next();
                value = next.text() + in.next().text();
            }
            options.add(new CopyOptions.Option(name.text(), value, name.position()));
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
    }

    /** The keyword options before PostgreSQL 9.0: copy_opt_list. */
    private static void keywordOptions(String text, TokenStream in, List<CopyOptions.Option> options) {
        while (!in.atEnd() && !in.peek().isWord("where")) {
            Token word = in.next();
            switch (word.kind() == Token.Kind.WORD ? word.text() : "") {
                case "binary" -> options.add(new CopyOptions.Option("format", "binary", word.position()));
                case "csv" -> options.add(new CopyOptions.Option("format", "csv", word.position()));
                case "freeze" -> options.add(new CopyOptions.Option("freeze", null, word.position()));
                case "header" -> options.add(new CopyOptions.Option("header", null, word.position()));
                case "delimiter", "null", "quote", "escape" -> {
                    in.acceptWord("as");
                    options.add(new CopyOptions.Option(word.text(), string(text, in), word.position()));
                }
                case "encoding" -> options.add(new CopyOptions.Option("encoding", string(text, in), word.position()));
                case "force" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY FORCE options are not supported yet", null, null, word.position(), null);
                default -> throw syntaxErrorAt(word);
            }
        }
    }

    /** A string constant; E'...' strings have their backslash escapes applied. */
    private static String string(String text, TokenStream in) {
        Token token = in.next();
        if (token.kind() != Token.Kind.STRING) {
            throw syntaxErrorAt(token);
        }
        char first = text.charAt(token.position() - 1);
        return first == 'E' || first == 'e' ? dev.amelie.planner.sql.EscapeStrings.value(token.text(), token.position()) : token.text();
    }

    private static SqlException syntaxErrorAt(Token token) {
        String where = token.kind() == Token.Kind.END ? "at end of input" : "at or near \"" + token.text() + "\"";
        return new SqlException(SqlState.SYNTAX_ERROR, "syntax error " + where, null, null, token.position(), null);
    }
}

package dev.amelie.planner.utility;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.FetchCursor;
import dev.amelie.planner.PlannedStatement.FetchCursor.Direction;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.Set;

/**
 * DECLARE, FETCH, MOVE and CLOSE, parsed by hand with PostgreSQL 15's grammar (gram.y:
 * DeclareCursorStmt, FetchStmt, ClosePortalStmt) and the checks of analyze.c
 * transformDeclareCursorStmt. The query of a DECLARE is left to the relational planner.
 */
public final class CursorParser {
    private CursorParser() {}

    /**
     * DECLARE's header: the cursor's name and options, and where its query starts in the
     * statement text ({@code queryStart}, 0-based), so that errors in the query point into the
     * whole statement. {@code scroll} is null when neither SCROLL nor NO SCROLL is written.
     */
    public record Declaration(String name, Boolean scroll, boolean hold, boolean binary, String query, int queryStart) {}

    /** Reserved words of PostgreSQL that cannot name a cursor without quotes (a few: those a cursor statement can meet). */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "as", "asc", "both",
            "case", "cast", "check", "column", "constraint", "create", "current_date", "default", "desc", "distinct",
            "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "intersect", "into", "leading", "limit", "not", "null", "offset", "on", "only", "or", "order", "primary",
            "references", "returning", "select", "table", "then", "to", "true", "union", "unique", "user", "using",
            "when", "where", "window", "with");

    /** Words a DECLARE's query may start with (gram.y: DECLARE … FOR SelectStmt). */
    private static final Set<String> QUERY_STARTS = Set.of("select", "values", "with", "table");

    public static Declaration parseDeclare(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("declare");
        String name = cursorName(in);
        Boolean scroll = null;
        boolean binary = false;
        boolean asensitive = false;
        boolean insensitive = false;
        boolean noScroll = false;
        boolean scrollWritten = false;
        while (!in.peek().isWord("cursor")) {
            if (in.acceptWords("no", "scroll")) {
                noScroll = true;
            } else if (in.acceptWord("scroll")) {
                scrollWritten = true;
            } else if (in.acceptWord("binary")) {
                binary = true;
            } else if (in.acceptWord("asensitive")) {
                asensitive = true;
            } else if (in.acceptWord("insensitive")) {
                insensitive = true;
            } else {
                throw in.syntaxError();
            }
        }
        in.expectWord("cursor");
        boolean hold = false;
        if (in.acceptWord("with")) {
            in.expectWord("hold");
            hold = true;
        } else if (in.acceptWord("without")) {
            in.expectWord("hold");
        }
        in.expectWord("for");
        Token start = in.peek();
        if (!(start.kind() == Token.Kind.WORD && QUERY_STARTS.contains(start.text()) || start.isSymbol("("))) {
            throw in.syntaxError();
        }
        if (scrollWritten && noScroll) {
            throw new SqlException(SqlState.INVALID_CURSOR_DEFINITION, "cannot specify both SCROLL and NO SCROLL");
        }
        if (asensitive && insensitive) {
            throw new SqlException(SqlState.INVALID_CURSOR_DEFINITION, "cannot specify both ASENSITIVE and INSENSITIVE");
        }
        if (scrollWritten || noScroll) {
            scroll = scrollWritten;
        }
        int queryStart = start.position() - 1;
        return new Declaration(name, scroll, hold, binary, text.substring(queryStart), queryStart);
    }

    /**
     * FETCH or MOVE [direction] [FROM | IN] name. Without a direction: NEXT. A count is a signed
     * integer; FORWARD and BACKWARD with a negative count go the other way when the statement runs,
     * as in PostgreSQL.
     */
    public static FetchCursor parseFetch(String text) {
        TokenStream in = new TokenStream(text);
        boolean move = in.next().isWord("move");
        Direction direction = Direction.FORWARD;
        long count = 1;
        // A direction word followed by nothing is the cursor's name (FETCH next: the cursor "next").
        boolean hasDirection = in.peek(1).kind() != Token.Kind.END;
        if (hasDirection && in.acceptWord("next")) {
            count = 1;
        } else if (hasDirection && in.acceptWord("prior")) {
            direction = Direction.BACKWARD;
        } else if (hasDirection && in.acceptWord("first")) {
            direction = Direction.ABSOLUTE;
        } else if (hasDirection && in.acceptWord("last")) {
            direction = Direction.ABSOLUTE;
            count = -1;
        } else if (in.acceptWord("absolute")) {
            direction = Direction.ABSOLUTE;
            count = signedInteger(in);
        } else if (in.acceptWord("relative")) {
            direction = Direction.RELATIVE;
            count = signedInteger(in);
        } else if (in.acceptWord("all")) {
            count = FetchCursor.ALL;
        } else if (hasDirection && (in.peek().isWord("forward") || in.peek().isWord("backward"))) {
            direction = in.next().isWord("forward") ? Direction.FORWARD : Direction.BACKWARD;
            if (in.acceptWord("all")) {
                count = FetchCursor.ALL;
            } else if (isSignedInteger(in)) {
                count = signedInteger(in);
            }
        } else if (isSignedInteger(in)) {
            count = signedInteger(in);
        }
        if (!in.acceptWord("from")) {
            in.acceptWord("in");
        }
        String name = cursorName(in);
        in.expectEnd();
        return new FetchCursor(name, direction, count, move);
    }

    /** CLOSE name | CLOSE ALL. */
    public static PlannedStatement.CloseCursor parseClose(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("close");
        String name = in.acceptWord("all") ? null : cursorName(in);
        in.expectEnd();
        return new PlannedStatement.CloseCursor(name);
    }

    private static String cursorName(TokenStream in) {
        Token token = in.peek();
        if (token.kind() == Token.Kind.WORD && RESERVED.contains(token.text())) {
            throw in.syntaxError();
        }
        return in.expectIdentifier();
    }

    private static boolean isSignedInteger(TokenStream in) {
        Token first = in.peek();
        Token number = first.isSymbol("-") || first.isSymbol("+") ? in.peek(1) : first;
        return number.kind() == Token.Kind.NUMBER;
    }

    /** gram.y SignedIconst: an int4, optionally signed. */
    private static long signedInteger(TokenStream in) {
        boolean negative = in.peek().isSymbol("-");
        if (negative || in.peek().isSymbol("+")) {
            in.next();
        }
        Token number = in.peek();
        if (number.kind() != Token.Kind.NUMBER) {
            throw in.syntaxError();
        }
        long value;
        try {
            value = Integer.parseInt(number.text());
        } catch (NumberFormatException notAnInt4) {
            throw in.syntaxError();
        }
        in.next();
        return negative ? -value : value;
    }
}

package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Semicolons split statements only outside strings, quoted identifiers, dollar quotes and comments (scan.l). */
class StatementSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndTrims() {
        assertEquals(List.of("select 1", "select 2"), StatementSplitter.split("  select 1 ;\n select 2;  "));
    }

    @Test
    void semicolonInsideStringWithDoubledQuoteStaysInTheStatement() {
        assertEquals(List.of("select 'it''s; fine'", "select 2"), StatementSplitter.split("select 'it''s; fine'; select 2"));
    }

    /** In E'…' a backslash escapes the quote: E'\';' is the two characters ';. */
    @Test
    void backslashEscapedQuoteInEStringDoesNotEndIt() {
        assertEquals(List.of("select E'\\';'", "select 2"), StatementSplitter.split("select E'\\';'; select 2"));
        assertEquals(List.of("select e'a\\\\'", "select 2"), StatementSplitter.split("select e'a\\\\'; select 2"));
    }

    /** With standard_conforming_strings on, a backslash is an ordinary character in '…'. */
    @Test
    void backslashIsOrdinaryInStandardStrings() {
        assertEquals(List.of("select 'a\\'", "select 2"), StatementSplitter.split("select 'a\\'; select 2"));
    }

    @Test
    void semicolonInsideDollarQuotesStaysInTheStatement() {
        assertEquals(List.of("select $$;$$", "select $tag$;$$;$tag$", "select 3"),
                StatementSplitter.split("select $$;$$; select $tag$;$$;$tag$; select 3"));
    }

    /** $1 is a parameter, not a dollar quote (a tag cannot start with a digit); nor is $ inside an identifier. */
    @Test
    void parametersAndDollarsInIdentifiersAreNotDollarQuotes() {
        assertEquals(List.of("select $1", "select $2"), StatementSplitter.split("select $1; select $2"));
        assertEquals(List.of("select a$b$", "select 2"), StatementSplitter.split("select a$b$; select 2"));
    }

    @Test
    void semicolonInsideQuotedIdentifierStaysInTheStatement() {
        assertEquals(List.of("select 1 as \"a;b\"", "select 2"), StatementSplitter.split("select 1 as \"a;b\"; select 2"));
    }

    @Test
    void semicolonsInsideLineAndNestedBlockCommentsAreIgnored() {
        assertEquals(List.of("select 1 -- not here;", "select /* a /* ; */ ; */ 2"),
                StatementSplitter.split("select 1 -- not here;\n; select /* a /* ; */ ; */ 2"));
    }

    @Test
    void blankAndCommentOnlyStatementsAreDropped() {
        assertEquals(List.of("select 1"), StatementSplitter.split(";; ;\n-- only a comment\n; /* block */ ; select 1; ;"));
        assertEquals(List.of(), StatementSplitter.split("  -- nothing\n"));
        assertEquals(List.of(), StatementSplitter.split(""));
    }

    @Test
    void emptyStringIsAStatementNotABlank() {
        assertEquals(List.of("''"), StatementSplitter.split("'';"));
    }

    @Test
    void unterminatedQuoteOrCommentIsASyntaxError() {
        for (String text : new String[] {"select 'abc", "select /* /* */ 1", "select $x$ 1", "select \"abc"}) {
            assertEquals(SqlState.SYNTAX_ERROR, assertThrows(SqlException.class, () -> StatementSplitter.split(text), text).state());
        }
    }
}

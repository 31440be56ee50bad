package dev.amelie.planner.catalog.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How search_path's text names schemas, as PostgreSQL's SplitIdentifierString reads it. */
class SearchPathTest {
    @Test
    void quotedNamesKeepTheirCaseAndUnquotedOnesAreFolded() {
        assertEquals(List.of("$user", "public"), SearchPath.entries("\"$user\", public"));
        assertEquals(List.of("Mixed", "lower", "a\"b"), SearchPath.entries("\"Mixed\",LOWER , \"a\"\"b\""));
    }

    @Test
    void flywaysPrefixedPathNamesPublicTwice() {
        assertEquals(List.of("public", "$user", "public"), SearchPath.entries("\"public\",\"$user\", public"));
    }

    @Test
    void anEmptyPathNamesNothing() {
        assertEquals(List.of(), SearchPath.entries(""));
        assertEquals(List.of(), SearchPath.entries(null));
    }

    @Test
    void pgCatalogComesFirstUnlessThePathPlacesIt() {
        assertEquals(List.of("pg_catalog", "public"), SearchPath.withImplicit(List.of("public")));
        assertEquals(List.of("public", "pg_catalog"), SearchPath.withImplicit(List.of("public", "pg_catalog")));
    }
}

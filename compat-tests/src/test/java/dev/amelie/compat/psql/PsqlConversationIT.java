package dev.amelie.compat.psql;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real psql runs conversations (src/test/resources/psql/NAME.sql) and must print exactly
 * what it prints against PostgreSQL 15: each NAME.expected was produced by running the same
 * script with psql against PostgreSQL 15.18 (see src/test/resources/psql/README.md).
 * Each conversation uses tables of its own, so they share one server.
 */
class PsqlConversationIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @ParameterizedTest
    @ValueSource(strings = {"first-session", "group-by", "views", "insert-select", "joins", "dates-and-times", "table-changes", "sequences", "defaults-and-serials", "subqueries", "date-fields", "returning", "upserts", "set-operations", "indexes", "unique-constraints", "grouping", "utf8-text", "numeric-casts", "bool-aggregates", "string-agg", "numeric-typmods", "functions", "pattern-matching", "generate-series", "to-char", "window-functions", "full-join", "multiset-operations", "substring-trim", "variance", "uuid-bytea-time-interval", "json-jsonb", "arrays", "settings-functions", "collecting-aggregates", "date-time-functions", "real", "varchar-char", "regex-operators", "oid", "name-type", "regclass", "power-operator", "select-without-from", "schemas", "tables-from-queries", "array-concatenation", "array-comparisons", "unnest", "array-subqueries", "array-slices", "literal-forms", "collations", "add-column", "trim-lists-and-bytea", "regexp-arrays", "json-object-agg", "at-time-zone", "format", "bitwise-operators", "to-char-interval", "date-cast-and-trunc-zone", "escape-strings", "collate", "regexp-matches", "grouping-sets", "insert-values-targets", "distinct-on", "lookup-joins", "co-partitioned-joins", "one-time-filter", "distinct-aggregates", "date-range", "top-n", "lateral", "alter-table", "check-constraints", "update-from-delete-using", "foreign-keys", "cursors", "fetch-count", "with-recursive", "session-time-zone", "session-roles-and-locks", "information-schema-tables", "information-schema", "locking-clauses", "hibernate-schema", "boolean-in-error-details", "like-empty-escape", "roles-and-grants"})
    void conversationPrintsWhatPostgresPrints(String name) throws Exception {
        String output = Psql.run(server.port(), resource(name + ".sql"));
        assertEquals(resource(name + ".expected"), output);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PsqlConversationIT.class.getResourceAsStream("/psql/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

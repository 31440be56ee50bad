package dev.amelie.compat.psql;

import dev.amelie.compat.differential.PostgresServer;
import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * psql's describe commands (\d, \dt, \d+, \di, \dn, \du, \l, …) and its tab completion read the
 * system catalogs with queries of their own: the real psql runs each conversation
 * (src/test/resources/psql-describe/NAME.sql) against this server and against the machine's
 * PostgreSQL 15, started for the test, and must print the same. Each conversation drops what it
 * creates, as \d lists everything in the database. Elapsed times (\timing) are the one thing
 * that may differ.
 */
class PsqlDescribeIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    private static final Pattern ELAPSED = Pattern.compile("(?m)^Time: [0-9.]+ ms.*$");

    @ParameterizedTest
    @ValueSource(strings = {"tables", "listings", "tab-completion"})
    void describeCommandsPrintWhatPostgresPrints(String name) throws Exception {
        String script = resource(name + ".sql");
        String expected = withoutElapsed(Psql.run(postgres.port(), script));
        String output = withoutElapsed(Psql.run(server.port(), script));
        assertEquals(expected, output);
    }

    private static String withoutElapsed(String output) {
        return ELAPSED.matcher(output).replaceAll("Time: (elapsed)");
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PsqlDescribeIT.class.getResourceAsStream("/psql-describe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

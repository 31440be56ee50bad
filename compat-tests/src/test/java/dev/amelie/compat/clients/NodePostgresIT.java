package dev.amelie.compat.clients;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * node-postgres ({@code pg} from npm, pinned in clients/node/package-lock.json; {@code ./amelie
 * test} runs npm ci there) runs clients/node/node-postgres-check.mjs against a real server:
 * queries with $n parameters, every supported type sent as a parameter and read back from a
 * cast and from a stored column, queries issued together without awaiting each (on one client
 * and on a Pool), named statements bound again and again, and SQLSTATEs in err.code with the
 * session going on. Its expected values are what pg reads from PostgreSQL 15.18.
 * clients/node/introspection-check.mjs sends Knex's hasTable/hasColumn/columnInfo and Prisma's
 * introspection queries with their parameters and compares with PostgreSQL 15's rows.
 */
@Timeout(180) // a hang guard
class NodePostgresIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @TempDir
    Path temp;

    @Test
    void nodePostgresReadsWhatPostgresAnswers() throws Exception {
        Path script = ClientScript.directory("node");
        assertTrue(Files.isDirectory(script.resolve("node_modules/pg")),
                "node-postgres is missing: run ./amelie test, or npm ci in " + script);
        String output = ClientScript.runAndExpectSuccess(script, List.of("node", "node-postgres-check.mjs"),
                server.port(), temp.resolve("node-postgres.txt"));
        assertTrue(output.contains("checks passed"), output);
    }

    @Test
    void knexAndPrismaIntrospectionReadWhatPostgresAnswers() throws Exception {
        Path script = ClientScript.directory("node");
        assertTrue(Files.isDirectory(script.resolve("node_modules/pg")),
                "node-postgres is missing: run ./amelie test, or npm ci in " + script);
        String output = ClientScript.runAndExpectSuccess(script, List.of("node", "introspection-check.mjs"),
                server.port(), temp.resolve("introspection.txt"));
        assertTrue(output.contains("checks passed"), output);
    }
}

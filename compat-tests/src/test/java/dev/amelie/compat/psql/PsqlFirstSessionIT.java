package dev.amelie.compat.psql;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real psql runs a newcomer's first session (create, insert, update, delete, select, and the
 * first errors) and must print exactly what it prints against PostgreSQL 15. The expected file
 * was produced by running the same script with psql against PostgreSQL 15.18 (see
 * src/test/resources/psql/README.md).
 */
class PsqlFirstSessionIT {
    @TempDir
    Path temp;

    @Test
    void firstSessionPrintsWhatPostgresPrints() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            String output = Psql.run(server.port(), resource("first-session.sql"));
            assertEquals(resource("first-session.expected"), output);
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PsqlFirstSessionIT.class.getResourceAsStream("/psql/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

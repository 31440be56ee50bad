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
 * psycopg2 (Debian's python3-psycopg2, for /usr/bin/python3; {@code ./amelie test} installs
 * it) runs clients/python/psycopg2_check.py against a real server: %s and %(name)s parameters,
 * every supported type as Python sends and reads it (int, float, Decimal, str, bool, date,
 * naive and aware datetime, uuid.UUID, bytes/bytearray/memoryview, time, timedelta, Json and
 * dicts, None), copy_expert in (text, CSV with HEADER) and out, copy_from
 * and copy_to, SQLSTATEs in e.pgcode with the connection usable after rollback, executemany,
 * and commit visibility across two connections. Its expected values are what psycopg2 reads
 * from PostgreSQL 15.18. clients/python/orm_introspection_check.py sends the catalog queries of
 * SQLAlchemy's inspector and Django's introspection and compares with PostgreSQL 15's rows.
 */
@Timeout(180) // a hang guard
class Psycopg2IT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @TempDir
    Path temp;

    @Test
    void psycopg2ReadsWhatPostgresAnswers() throws Exception {
        assertTrue(Files.isExecutable(PYTHON), "Debian's python3 is missing: run ./amelie test, or apt-get install python3-psycopg2");
        String output = ClientScript.runAndExpectSuccess(ClientScript.directory("python"),
                List.of(PYTHON.toString(), "psycopg2_check.py"), server.port(), temp.resolve("psycopg2.txt"));
        assertTrue(output.contains("checks passed"), output);
    }

    @Test
    void sqlAlchemyAndDjangoIntrospectionReadWhatPostgresAnswers() throws Exception {
        assertTrue(Files.isExecutable(PYTHON), "Debian's python3 is missing: run ./amelie test, or apt-get install python3-psycopg2");
        String output = ClientScript.runAndExpectSuccess(ClientScript.directory("python"),
                List.of(PYTHON.toString(), "orm_introspection_check.py"), server.port(), temp.resolve("orm-introspection.txt"));
        assertTrue(output.contains("checks passed"), output);
    }
}

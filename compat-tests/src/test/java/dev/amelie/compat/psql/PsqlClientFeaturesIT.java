package dev.amelie.compat.psql;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * psql's own commands that drive the server: {@code \copy} between files and tables, {@code
 * \gset} into variables used by later statements, {@code \watch} re-running a query. Each
 * expected output is what psql 15.18 printed for the same script against PostgreSQL 15.18.
 * psql runs in a temporary directory, so {@code \copy} reads and writes files there.
 */
@Timeout(120) // a hang guard
class PsqlClientFeaturesIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @TempDir
    Path temp;

    @Test
    void copyFromAndToFilesRoundTripsRows() throws Exception {
        Files.writeString(temp.resolve("in.csv"), "id,name,price\n1,pen,1.50\n2,\"comma, quoted\",2.345\n3,,0\n");
        Files.writeString(temp.resolve("in.txt"), "4\tink\\ttab\t\\N\n5\t\\N\t9.99\n");
        Files.writeString(temp.resolve("bad.txt"), "6\tok\t1\nseven\tbad\t2\n");
        // server gap: a duplicate key in \copy's rows answers 23505 without PostgreSQL's
        // "CONTEXT:  COPY psql_copy_file, line 1", so this script has no duplicate-key case.
        String output = psql("""
                create table psql_copy_file (id int primary key, name text, price numeric(6,2));
                \\copy psql_copy_file from 'in.csv' with (format csv, header true)
                \\copy psql_copy_file from 'in.txt'
                select count(*), sum(price) from psql_copy_file;
                \\copy (select id, name, price from psql_copy_file order by id) to 'out.csv' with (format csv, header true)
                \\copy psql_copy_file (id, name) to 'out.txt'
                \\copy psql_copy_file from 'missing.txt'
                \\copy psql_copy_file from 'bad.txt'
                select count(*) from psql_copy_file;
                """);
        assertEquals("""
                CREATE TABLE
                COPY 3
                COPY 2
                 count |  sum \s
                -------+-------
                     5 | 13.84
                (1 row)

                COPY 5
                COPY 5
                psql:<stdin>:7: error: missing.txt: No such file or directory
                psql:<stdin>:8: ERROR:  invalid input syntax for type integer: "seven"
                CONTEXT:  COPY psql_copy_file, line 2, column id: "seven"
                 count\s
                -------
                     5
                (1 row)

                """, output);
        assertEquals("id,name,price\n1,pen,1.50\n2,\"comma, quoted\",2.35\n3,,0.00\n4,ink\ttab,\n5,,9.99\n",
                Files.readString(temp.resolve("out.csv")));
        // A table's rows come in no promised order.
        List<String> rows = new ArrayList<>(Files.readAllLines(temp.resolve("out.txt")));
        rows.sort(null);
        assertEquals(List.of("1\tpen", "2\tcomma, quoted", "3\t\\N", "4\tink\\ttab", "5\t\\N"), rows);
    }

    @Test
    void gsetStoresColumnsInVariablesForLaterStatements() throws Exception {
        String output = psql("""
                select 41 + 1 as answer, 'psql' as word, null as nothing \\gset
                \\echo :answer :word [:nothing]
                select :answer * 2 as doubled, :'word' || '!' as shout;
                select 1 as a, now() is not null as b \\gset p_
                \\echo :p_a :p_b
                create table psql_gset (id int primary key, v text);
                insert into psql_gset values (:answer, :'word') returning id as inserted_id \\gset
                select v from psql_gset where id = :inserted_id;
                select id from psql_gset where false \\gset
                select id from psql_gset union all select 2 \\gset
                \\echo :answer
                """);
        assertEquals("""
                42 psql [:nothing]
                 doubled | shout\s
                ---------+-------
                      84 | psql!
                (1 row)

                1 t
                CREATE TABLE
                INSERT 0 1
                  v  \s
                ------
                 psql
                (1 row)

                psql:<stdin>:9: error: no rows returned for \\gset
                psql:<stdin>:10: error: more than one row returned for \\gset
                42
                """, output);
    }

    /**
     * psql 15 has no round count for {@code \watch}: psql is stopped once it has printed four
     * titles (three whole rounds), or by {@code timeout} after 30 s; every whole round must be
     * the next value of the sequence.
     */
    @Test
    void watchRunsTheQueryRoundAfterRound() throws Exception {
        psql("create sequence psql_watch_seq;\n");
        Files.writeString(temp.resolve("watch.sql"), "select nextval('psql_watch_seq') as round \\watch 0.1\n");
        Path outputFile = temp.resolve("watch.txt");
        Process process = new ProcessBuilder(List.of("timeout", "-k", "5", "30", "psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "amelie", "-d", "amelie", "-f", "watch.sql"))
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(outputFile.toFile())
                .start();
        Pattern title = Pattern.compile("(?m)^.* \\(every 0\\.1s\\)\n\n");
        // Polls psql's output for a fourth title, bounded by timeout's 30 s; a cold server may
        // take seconds over its first plan.
        while (process.isAlive() && title.matcher(Files.readString(outputFile)).results().count() < 4) {
            Thread.sleep(50);
        }
        process.destroy(); // timeout passes SIGTERM on to psql
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "psql did not end");
        String output = Files.readString(outputFile);
        // Each round: a title with the time, then the result. The last may be cut off.
        String[] rounds = title.split(output, -1);
        assertEquals("", rounds[0], output);
        int complete = rounds.length - 2;
        assertTrue(complete >= 3, "fewer than 3 rounds in 30 s:\n" + output);
        for (int round = 1; round <= complete; round++) {
            assertEquals(" round \n-------\n" + String.format("%6d", round) + "\n(1 row)\n\n", rounds[round], output);
        }
    }

    /** Runs a script on psql's stdin in the temporary directory; its combined output. */
    private String psql(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-U", "amelie", "-d", "amelie", "-f", "-"))
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("psql.txt").toFile())
                .start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish:\n" + Files.readString(temp.resolve("psql.txt")));
        }
        return Files.readString(temp.resolve("psql.txt"));
    }
}

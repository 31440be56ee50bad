package dev.amelie.bench;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.program.Program;
import dev.amelie.wal.WalSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The engine without the network: a {@link Database} (compute nodes, executor, WAL with fsync)
 * in a temporary directory and a {@link Planner} over its catalog. A statement runs as the
 * pgwire engine runs an autocommit one: plan, take the nodes the program needs, run, commit.
 * Benchmarks use it so that what they time is our real storage and executor, not a stand-in.
 */
final class EmbeddedEngine implements AutoCloseable {
    private static final Object[] NO_PARAMETERS = {};
    private final Path directory;
    private final Database database;
    private final Planner planner;

    private EmbeddedEngine(Path directory, Database database) {
        this.directory = directory;
        this.database = database;
        this.planner = new Planner(database.catalog());
    }

    static EmbeddedEngine open(int computeNodes) throws IOException {
        Path directory = Files.createTempDirectory("amelie-jmh");
        return new EmbeddedEngine(directory, Database.open(directory, computeNodes, WalSettings.defaults()));
    }

    Planner planner() {
        return planner;
    }

    void createTable(String sql) throws Exception {
        PlannedStatement.CreateTable create = (PlannedStatement.CreateTable) planner.plan(sql, new dev.amelie.vm.type.SqlType[0]);
        Transaction transaction = database.executor().begin();
        transaction.createTable(new TableDef(0, create.schema(), create.name(), create.columnDefs(), create.primaryKey()), false);
        transaction.commit().get(1, TimeUnit.MINUTES);
    }

    /** Runs one simple-protocol statement (constants become parameters, as for pgbench -M simple). */
    List<Object[]> execute(String sql) throws Exception {
        Planner.SimplePlan plan = planner.planSimple(sql);
        return run(((PlannedStatement.Query) plan.plan()).program(), plan.parameters());
    }

    /** One autocommit transaction on the nodes {@code program} needs; its rows once committed. */
    List<Object[]> run(Program program, Object[] parameters) throws Exception {
        Transaction transaction = database.executor().begin(database.executor().nodesFor(program, parameters));
        List<Object[]> rows = transaction.run(program, parameters).rows();
        transaction.commit().get(1, TimeUnit.MINUTES);
        return rows;
    }

    /** A lone autocommit point SELECT as the server runs it (Transaction.runPointRead); its rows once durable. */
    List<Object[]> pointRead(Program program, Object[] parameters) throws Exception {
        return database.executor().begin().runPointRead(program, parameters).get(1, TimeUnit.MINUTES).rows();
    }

    List<Object[]> run(Program program) throws Exception {
        return run(program, NO_PARAMETERS);
    }

    @Override
    public void close() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package dev.amelie.admin.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;

/** {@code amelie checkpoint}: runs CHECKPOINT on the running server and waits for it. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Take a checkpoint now: snapshot the database, then drop the WAL segments it makes unneeded.")
public final class CheckpointCommand implements Callable<Integer> {

    @Mixin
    ServerConnection server;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = server.open(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        System.out.println("checkpoint complete in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return 0;
    }
}

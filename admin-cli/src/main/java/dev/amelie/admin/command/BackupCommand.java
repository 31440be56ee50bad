package dev.amelie.admin.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;

/**
 * {@code amelie backup --to DIR}: an online backup the server writes into DIR (a path on the
 * server's machine, as PostgreSQL's server-side COPY TO a file), while it goes on serving.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy a consistent snapshot of the running database into a new directory; "
                + "'amelie start --data DIR' starts a database from it.")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    ServerConnection server;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "Directory to create (must not exist, or be empty); on the server's machine.")
    Path target;

    @Override
    public Integer call() throws Exception {
        String directory = target.toAbsolutePath().normalize().toString();
        try (Connection connection = server.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("BACKUP TO '" + directory.replace("'", "''") + "'")) {
            result.next();
            System.out.println("backup written to " + directory + ": snapshot at LSN " + result.getLong(1) + ", "
                    + result.getLong(2) + " files, " + result.getLong(3) + " bytes");
        }
        return 0;
    }
}

package dev.amelie.admin.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code amelie compute list|add|drop|set}: SHOW COMPUTE and ALTER COMPUTE on the running server,
 * over its PostgreSQL port.
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "List, add and drop compute nodes of the running server (partitions move online).",
        subcommands = {ComputeCommand.ListNodes.class, ComputeCommand.Add.class, ComputeCommand.Drop.class,
                ComputeCommand.SetCount.class})
public final class ComputeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("amelie compute: say list, add, drop or set (amelie compute --help)");
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the compute nodes (SHOW COMPUTE).")
    static final class ListNodes implements Callable<Integer> {
        @Mixin
        ServerConnection server;

        @Override
        public Integer call() throws Exception {
            try (Connection connection = server.open()) {
                printCompute(connection);
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add compute nodes (ALTER COMPUTE ADD n / ADD NODE 'uuid'); partitions spread onto them.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ServerConnection server;

        @Parameters(index = "0", arity = "0..1", paramLabel = "N", defaultValue = "1", description = "How many (default 1).")
        int count;

        @Option(names = "--uuid", paramLabel = "UUID", description = "Name the one new node.")
        String uuid;

        @Override
        public Integer call() throws Exception {
            String sql = uuid != null ? "ALTER COMPUTE ADD NODE " + quoted(uuid) : "ALTER COMPUTE ADD " + count;
            return alter(server, sql);
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Drop a compute node (ALTER COMPUTE DROP NODE); its partitions move to the others first.")
    static final class Drop implements Callable<Integer> {
        @Mixin
        ServerConnection server;

        @Parameters(index = "0", paramLabel = "UUID", description = "The node, as amelie compute list shows it.")
        String uuid;

        @Override
        public Integer call() throws Exception {
            return alter(server, "ALTER COMPUTE DROP NODE " + quoted(uuid));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Add nodes, or drop the newest ones, until there are N (ALTER COMPUTE SET n).")
    static final class SetCount implements Callable<Integer> {
        @Mixin
        ServerConnection server;

        @Parameters(index = "0", paramLabel = "N", description = "Compute nodes wanted.")
        int count;

        @Override
        public Integer call() throws Exception {
            return alter(server, "ALTER COMPUTE SET " + count);
        }
    }

    private static int alter(ServerConnection server, String sql) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = server.open()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                System.err.println("amelie compute: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")");
                return 1;
            }
            System.out.println("done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            printCompute(connection);
        }
        return 0;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** SHOW COMPUTE as an aligned table, as psql would print it. */
    private static void printCompute(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW COMPUTE")) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            List<String[]> rows = new ArrayList<>();
            String[] header = new String[columns];
            int[] widths = new int[columns];
            for (int c = 0; c < columns; c++) {
                header[c] = meta.getColumnLabel(c + 1);
                widths[c] = header[c].length();
            }
            while (rs.next()) {
                String[] row = new String[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getString(c + 1);
                    widths[c] = Math.max(widths[c], row[c].length());
                }
                rows.add(row);
            }
            print(header, widths);
            for (String[] row : rows) {
                print(row, widths);
            }
        }
    }

    private static void print(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", cells[c]));
        }
        System.out.println(line.toString().stripTrailing());
    }
}

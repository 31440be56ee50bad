package dev.amelie.admin.command;

import dev.amelie.admin.settings.Settings;
import dev.amelie.admin.settings.SettingsLoader;
import dev.amelie.compute.Database;
import dev.amelie.wal.WalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code amelie init}: a new data directory with its {@code amelie.conf} (the settings given here)
 * and its compute layout recorded, ready for {@code amelie start}. Refuses a directory that
 * already holds anything, as initdb does.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a data directory with its amelie.conf, ready for amelie start.")
public final class InitCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory to create (default: ./data under the checkout, or $AMELIE_DATA).")
    String data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address the server will listen on (default 127.0.0.1:5432).")
    String listen;

    @Option(names = "--compute", paramLabel = "N", description = "Compute nodes to start with (default: number of cores).")
    String compute;

    @Option(names = "--hosts", paramLabel = "N", description = "IO host threads (default: number of cores).")
    String hosts;

    @Option(names = "--wal-sync", paramLabel = "on|off", description = "fsync before acknowledging a commit (default on; off is unsafe).")
    String walSync;

    @Override
    public Integer call() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("listen", listen);
        given.put("compute", compute);
        given.put("hosts", hosts);
        given.put("wal_sync", walSync);
        Map<String, String> flags = new LinkedHashMap<>(given);
        flags.put("data", data);
        Path directory = Path.of(data != null ? data : System.getenv().getOrDefault("AMELIE_DATA",
                ServerConnection.defaultDataDirectory().toString())).toAbsolutePath().normalize();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("amelie init: " + directory + " exists and is not empty");
                    return 1;
                }
            }
        }
        Files.createDirectories(directory);
        StringBuilder config = new StringBuilder("# Amelie settings (amelie init). Environment AMELIE_<KEY> and flags of\n"
                + "# amelie start override them; amelie start --print-config shows the result.\n");
        given.forEach((key, value) -> {
            if (value != null) {
                config.append(key).append(" = ").append(value).append('\n');
            }
        });
        Files.writeString(directory.resolve(SettingsLoader.CONFIG_FILE), config);
        Settings settings = new SettingsLoader(System.getenv()).load(flags, directory);
        // Opening once records the compute layout: from now on it is the directory's.
        try (Database database = Database.open(directory, settings.computeNodes(),
                new WalSettings(settings.walSegmentSize(), settings.walSync()))) {
            System.out.println("initialized " + directory + " with " + database.computeNodes() + " compute nodes");
        }
        System.out.println("start it with: amelie start --data " + directory);
        return 0;
    }
}

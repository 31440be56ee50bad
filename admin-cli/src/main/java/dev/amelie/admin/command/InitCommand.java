package dev.amelie.admin.command;

import dev.amelie.admin.settings.Settings;
import dev.amelie.admin.settings.SettingsLoader;
import dev.amelie.compute.Database;
import dev.amelie.wal.WalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    SettingFlags flags;

    @Override
    public Integer call() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : new String[] {"listen", "compute", "hosts", "wal_sync", "auth"}) {
            given.put(key, flags.byKey().get(key));
        }
        String data = flags.byKey().get("data");
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
        Settings settings = new SettingsLoader(System.getenv()).load(flags.byKey(), directory);
        String password = dev.amelie.admin.server.FirstSuperuser.givenPassword(flags.passwordFile, System.getenv());
        java.io.Console console = System.console();
        if (password == null && console != null && console.isTerminal()) {
            // initdb --pwprompt: asked twice; an empty answer leaves the superuser without a password.
            char[] first = console.readPassword("Enter new superuser password (empty: none): ");
            char[] again = first == null || first.length == 0 ? first : console.readPassword("Enter it again: ");
            if (first != null && first.length > 0) {
                if (!java.util.Arrays.equals(first, again)) {
                    System.err.println("amelie init: passwords didn't match");
                    return 1;
                }
                password = new String(first);
            }
        }
        // Opening once records the compute layout: from now on it is the directory's.
        try (Database database = Database.open(directory, settings.computeNodes(),
                new WalSettings(settings.walSegmentSize(), settings.walSync()))) {
            System.out.println("initialized " + directory + " with " + database.computeNodes() + " compute nodes");
            if (dev.amelie.admin.server.FirstSuperuser.applyIfUnset(database, password)) {
                System.out.println("the superuser amelie has a password (SCRAM-SHA-256)");
            }
        }
        System.out.println("start it with: amelie start --data " + directory);
        return 0;
    }
}

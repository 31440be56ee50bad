package dev.amelie.admin.command;

import dev.amelie.admin.settings.Settings;
import dev.amelie.admin.settings.SettingsLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How an admin command reaches a running server: over its PostgreSQL port, as any client. By
 * default the address {@code amelie start} would listen on with the same data directory,
 * environment and config file, so the two commands find each other without flags.
 */
public final class ServerConnection {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory whose settings say where the server listens.")
    String data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "The server's address (default: from the settings, 127.0.0.1:5432).")
    String listen;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "amelie", description = "Role to connect as (default amelie).")
    String user;

    Connection open() throws IOException, SQLException {
        Settings settings = settings();
        return connect(settings.listenHost(), settings.listenPort(), user, true);
    }

    /** A connection on the extended protocol with server-side prepared statements (amelie bench). */
    public Connection openPrepared() throws IOException, SQLException {
        Settings settings = settings();
        return connect(settings.listenHost(), settings.listenPort(), user, false);
    }

    /** The settings {@code amelie start} would use with these flags, environment and config file. */
    Settings settings() throws IOException {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", data);
        flags.put("listen", listen);
        return new SettingsLoader(System.getenv()).load(flags, defaultDataDirectory());
    }

    static Connection connect(String host, int port, String user, boolean simpleQueries) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("ApplicationName", "amelie");
        String password = System.getenv("AMELIE_PASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        String address = host.contains(":") ? "[" + host + "]" : host;
        if (simpleQueries) {
            properties.setProperty("preferQueryMode", "simple");
        } else {
            properties.setProperty("prepareThreshold", "1");
        }
        return DriverManager.getConnection("jdbc:postgresql://" + address + ":" + port + "/amelie", properties);
    }

    /** The launcher passes the checkout's directory; run elsewhere, ./data under the working directory. */
    static Path defaultDataDirectory() {
        String home = System.getProperty("amelie.home");
        return (home == null ? Path.of("") : Path.of(home)).resolve("data");
    }
}

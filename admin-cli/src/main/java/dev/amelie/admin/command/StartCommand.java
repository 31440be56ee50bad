package dev.amelie.admin.command;

import dev.amelie.admin.server.AmelieServer;
import dev.amelie.admin.server.DetachedStart;
import dev.amelie.admin.server.PidFile;
import dev.amelie.admin.server.ServerLog;
import dev.amelie.admin.settings.Settings;
import dev.amelie.admin.settings.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code amelie start}: runs a server in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start the server in the foreground; stops cleanly on SIGTERM or Ctrl-C.")
public final class StartCommand implements Callable<Integer> {

    @Mixin
    SettingFlags settingFlags;

    @Option(names = "--metrics-listen", paramLabel = "HOST:PORT", description = "Serve Prometheus /metrics and the console (/) here (default off).")
    String metricsListen;

    @Option(names = "--tls", description = "Offer TLS (SSLRequest answered 'S'); without ssl_cert_file/ssl_key_file a self-signed certificate is made in the data directory once.")
    boolean tls;

    @Option(names = "--max-connections", paramLabel = "N", description = "Sessions at once (default 100); the one beyond gets 53300.")
    String maxConnections;

    @Option(names = "--detach", description = "Run in the background: return once the server accepts connections (pid in DATA/amelie.pid, log in DATA/log/amelie.log).")
    boolean detach;

    @Option(names = "--print-config", description = "Print the settings from defaults, amelie.conf, environment and flags, then exit.")
    boolean printConfig;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = settingFlags.byKey();
        flags.put("metrics_listen", metricsListen);
        flags.put("tls", tls ? "on" : null);
        flags.put("max_connections", maxConnections);
        Settings settings = new SettingsLoader(System.getenv()).load(flags, ServerConnection.defaultDataDirectory());
        if (printConfig) {
            System.out.print(settings.printed());
            return 0;
        }
        if (detach) {
            return DetachedStart.start(settings);
        }
        Path data = settings.dataDirectory();
        Files.createDirectories(data.resolve("log"));
        ServerLog.alsoTo(data);
        String password = dev.amelie.admin.server.FirstSuperuser.givenPassword(settingFlags.passwordFile, System.getenv());
        AmelieServer server = AmelieServer.start(settings, password);
        new PidFile(ProcessHandle.current().pid(), settings.listenHost() + ":" + server.port()).write(data);
        CountDownLatch stopRequested = new CountDownLatch(1);
        // SIGTERM and Ctrl-C are a clean stop that exits 0, as pg_ctl's fast shutdown; the hook
        // covers every other way the JVM may be asked to exit.
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> stopRequested.countDown());
        }
        Thread hook = new Thread(() -> closeQuietly(server), "amelie-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        PidFile.remove(data);
        return 0;
    }

    private static void closeQuietly(AmelieServer server) {
        try {
            server.close();
            PidFile.remove(server.settings().dataDirectory());
        } catch (Exception e) {
            System.err.println("amelie: error while stopping: " + e);
        }
    }
}

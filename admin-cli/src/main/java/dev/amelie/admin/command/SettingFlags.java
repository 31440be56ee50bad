package dev.amelie.admin.command;

import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** The settings flags {@code amelie init} and {@code amelie start} share, by setting key (absent: not given). */
public final class SettingFlags {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ./data under the checkout, or $AMELIE_DATA).")
    String data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on (default 127.0.0.1:5432).")
    String listen;

    @Option(names = "--compute", paramLabel = "N", description = "Compute nodes of a new data directory (default: number of cores).")
    String compute;

    @Option(names = "--hosts", paramLabel = "N", description = "IO host threads (default: number of cores).")
    String hosts;

    @Option(names = "--wal-sync", paramLabel = "on|off", description = "fsync before acknowledging a commit (default on; off is unsafe).")
    String walSync;

    @Option(names = "--auth", paramLabel = "METHOD", description = "Require this authentication method of every connection: scram-sha-256, md5 or trust (default: the hba rules of amelie.conf; without any, loopback is trusted and everyone else must use scram-sha-256).")
    String auth;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of the superuser amelie when it has none yet (first line of FILE; else $AMELIE_PASSWORD).")
    java.nio.file.Path passwordFile;

    /** The flags given, by setting key, data included. */
    Map<String, String> byKey() {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", data);
        flags.put("listen", listen);
        flags.put("compute", compute);
        flags.put("hosts", hosts);
        flags.put("wal_sync", walSync);
        flags.put("auth", auth);
        return flags;
    }
}

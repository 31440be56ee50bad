package dev.amelie.compat.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared checkers (crash-durability, pgwire-fuzz, …): in AMELIE_TOOLS when set, else in
 * ../shared/tools beside the checkout, else in /work/shared/tools (where a clone elsewhere, as CI's,
 * finds them).
 */
public final class SharedTools {
    private SharedTools() {}

    public static Path locate(String name) {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        String configured = System.getenv("AMELIE_TOOLS");
        for (Path candidate : new Path[] {
                configured == null ? null : Path.of(configured, name),
                home.resolve("../shared/tools").resolve(name).normalize(),
                Path.of("/work/shared/tools", name)}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("the shared tool " + name + " is not at ../shared/tools; set AMELIE_TOOLS");
    }
}

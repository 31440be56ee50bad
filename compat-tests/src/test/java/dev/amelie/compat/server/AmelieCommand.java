package dev.amelie.compat.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code amelie} launcher of this checkout as an operator would, and captures what it prints. */
public final class AmelieCommand {
    /** The exit status and everything printed (stdout and stderr together). */
    public record Result(int exit, String output) {}

    private AmelieCommand() {}

    /** Runs {@code amelie args…}; {@code scratch} holds the captured output. */
    public static Result run(Path scratch, String... args) throws Exception {
        Path home = Path.of(System.getProperty("amelie.home", "..")).toAbsolutePath().normalize();
        Path out = Files.createTempFile(scratch, "amelie-", ".out");
        List<String> command = new ArrayList<>(List.of(home.resolve("amelie").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("amelie " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out));
    }
}

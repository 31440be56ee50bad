package dev.amelie.admin.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code amelie.pid} in the data directory: the process id and address of the server running on
 * it, written once it accepts connections and removed when it stops (as postmaster.pid). The
 * directory lock, not this file, keeps a second server out; this file is how {@code amelie stop}
 * and {@code status} find the running one.
 */
public record PidFile(long pid, String listen) {
    public static final String NAME = "amelie.pid";

    public static Path path(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    /** Written whole or not at all: a reader never sees half a file. */
    public void write(Path dataDirectory) throws IOException {
        Path temporary = dataDirectory.resolve(NAME + ".tmp");
        Files.writeString(temporary, pid + "\n" + listen + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, path(dataDirectory), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Optional<PidFile> read(Path dataDirectory) throws IOException {
        Path file = path(dataDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(new PidFile(Long.parseLong(lines.getFirst().trim()), lines.size() > 1 ? lines.get(1).trim() : ""));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not an Amelie pid file");
        }
    }

    public static void remove(Path dataDirectory) throws IOException {
        Files.deleteIfExists(path(dataDirectory));
    }

    /** The process, if one with this id still runs. */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}

package dev.amelie.compat.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real server for all the tests of a class, on a fresh data directory, stopped and removed
 * after them: {@code @RegisterExtension static final SharedServer server = new SharedServer(2);}
 */
public final class SharedServer implements BeforeAllCallback, AfterAllCallback {
    private final int computeNodes;
    private Path directory;
    private ServerProcess process;

    public SharedServer(int computeNodes) {
        this.computeNodes = computeNodes;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("amelie-it-");
        process = ServerProcess.start(directory.resolve("data"), computeNodes);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            TempDirectories.deleteTree(directory);
        }
    }

    public int port() {
        return process.port();
    }

    public String jdbcUrl() {
        return process.jdbcUrl();
    }
}

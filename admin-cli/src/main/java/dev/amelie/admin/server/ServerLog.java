package dev.amelie.admin.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The server's log goes to the console (logback.xml) and, once the data directory is known, to
 * {@code log/amelie.log} in it too: a detached server has no console.
 */
public final class ServerLog {
    public static final String FILE = "log/amelie.log";

    private ServerLog() {}

    public static void alsoTo(Path dataDirectory) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS z, UTC} [%thread] %-5level %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dataDirectory.resolve(FILE).toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
    }
}

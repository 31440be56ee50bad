package dev.amelie.admin.command;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code amelie version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of Amelie and of its Java runtime.")
public final class VersionCommand implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    @Override
    public Integer call() {
        System.out.println("Amelie " + VERSION + " (PostgreSQL wire protocol 3.0; Java " + Runtime.version() + ")");
        return 0;
    }
}

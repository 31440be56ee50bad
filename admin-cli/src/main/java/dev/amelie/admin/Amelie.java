package dev.amelie.admin;

import dev.amelie.admin.command.BackupCommand;
import dev.amelie.admin.command.CheckpointCommand;
import dev.amelie.admin.command.ComputeCommand;
import dev.amelie.admin.command.StartCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code amelie} command: entry point of the launcher script. */
@Command(name = "amelie", mixinStandardHelpOptions = true, version = "Amelie 0.1.0",
        description = "In-memory OLTP SQL database speaking the PostgreSQL protocol.",
        subcommands = {StartCommand.class, CheckpointCommand.class, BackupCommand.class, ComputeCommand.class})
public final class Amelie implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Amelie());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("amelie: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        System.exit(commandLine.execute(args));
    }
}

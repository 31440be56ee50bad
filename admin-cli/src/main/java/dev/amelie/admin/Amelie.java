package dev.amelie.admin;

import dev.amelie.admin.command.BackupCommand;
import dev.amelie.admin.command.BenchCommand;
import dev.amelie.admin.command.CheckpointCommand;
import dev.amelie.admin.command.ComputeCommand;
import dev.amelie.admin.command.InitCommand;
import dev.amelie.admin.command.StartCommand;
import dev.amelie.admin.command.StatusCommand;
import dev.amelie.admin.command.StopCommand;
import dev.amelie.admin.command.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code amelie} command: entry point of the launcher script. */
@Command(name = "amelie", mixinStandardHelpOptions = true, version = "Amelie " + VersionCommand.VERSION,
        description = "In-memory OLTP SQL database speaking the PostgreSQL protocol.",
        subcommands = {InitCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class,
                ComputeCommand.class, CheckpointCommand.class, BackupCommand.class, BenchCommand.class, VersionCommand.class})
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

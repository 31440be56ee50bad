package dev.amelie.pgwire.engine;

import dev.amelie.compute.checkpoint.Backup;
import dev.amelie.compute.checkpoint.Checkpointer;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** CHECKPOINT and BACKUP TO as statements, with PostgreSQL's errors for what goes wrong. */
final class DurabilityCommands {
    private static final Logger LOG = LoggerFactory.getLogger(DurabilityCommands.class);

    private final Checkpointer checkpointer;
    private final Backup backup;

    DurabilityCommands(Checkpointer checkpointer, Backup backup) {
        this.checkpointer = checkpointer;
        this.backup = backup;
    }

    /**
     * Takes a checkpoint and returns when it is done, as PostgreSQL's CHECKPOINT does, except
     * when the calling transaction holds compute nodes: the checkpoint's own place in the order
     * comes after it, so waiting would wait for ourselves. Then it only starts one.
     */
    StatementExecution.Result checkpoint(boolean callerHoldsNodes) {
        if (callerHoldsNodes) {
            Thread.ofVirtual().name("amelie-requested-checkpoint").start(() -> {
                try {
                    checkpointer.checkpoint();
                } catch (IOException | RuntimeException e) {
                    LOG.error("requested checkpoint failed: {}", e.toString());
                }
            });
        } else {
            try {
                checkpointer.checkpoint();
            } catch (IOException e) {
                throw SqlException.ioFailure("could not write the checkpoint", String.valueOf(e.getMessage()), e);
            }
        }
        return new StatementExecution.Result("CHECKPOINT", List.of(), null, List.of(), 0);
    }

    StatementExecution.Result backup(String directory) {
        Path target;
        try {
            target = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new SqlException(SqlState.INVALID_NAME, "invalid backup directory \"" + directory + "\"");
        }
        try {
            Backup.Result result = backup.to(target);
            LOG.info("backup complete: directory={} snapshot_lsn={} files={} bytes={}", target, result.snapshotLsn(),
                    result.files(), result.bytes());
            return new StatementExecution.Result("BACKUP", List.<Object[]>of(new Object[] {result.snapshotLsn(),
                    result.files(), result.bytes()}), null, List.of(), 0);
        } catch (IllegalArgumentException e) {
            throw new SqlException(e.getMessage().startsWith("relative") ? SqlState.INVALID_NAME : SqlState.DUPLICATE_FILE,
                    e.getMessage());
        } catch (IOException e) {
            throw SqlException.ioFailure("could not write the backup to \"" + directory + "\"", String.valueOf(e.getMessage()), e);
        }
    }
}

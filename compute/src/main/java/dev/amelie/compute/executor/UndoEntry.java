package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.Table;

/**
 * How to take back one row change (through the table, so its indexes follow): remove {@code removeKey} if set, then put
 * {@code restoreRow} back under {@code restoreKey} (or remove restoreKey if restoreRow is null).
 */
record UndoEntry(Table table, int partition, Object removeKey, Object restoreKey, Object[] restoreRow) {

    /**
     * The change committed in the WAL record {@code lsn}: its keys are recent writes until
     * durable; with {@code many} (a commit of more keys than are worth noting) the whole partition is.
     */
    void noteWritten(long lsn, long durable, boolean many) {
        dev.amelie.compute.storage.RecentWrites recent = table.partition(partition).recentWrites();
        if (many) {
            recent.wroteAll(lsn);
            return;
        }
        if (removeKey != null) {
            recent.wrote(removeKey, lsn, durable);
        }
        if (restoreKey != null) {
            recent.wrote(restoreKey, lsn, durable);
        }
    }

    void apply() {
        if (removeKey != null) {
            table.remove(partition, removeKey);
        }
        if (restoreKey != null) {
            if (restoreRow != null) {
                table.put(partition, restoreKey, restoreRow);
            } else {
                table.remove(partition, restoreKey);
            }
        }
    }
}

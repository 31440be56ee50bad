package dev.amelie.compute.executor;

import dev.amelie.compute.storage.Partition;

/**
 * How to take back one row change: remove {@code removeKey} if set, then put
 * {@code restoreRow} back under {@code restoreKey} (or remove restoreKey if restoreRow is null).
 */
record UndoEntry(Partition partition, Object removeKey, Object restoreKey, Object[] restoreRow) {

    void apply() {
        if (removeKey != null) {
            partition.remove(removeKey);
        }
        if (restoreKey != null) {
            if (restoreRow != null) {
                partition.put(restoreKey, restoreRow);
            } else {
                partition.remove(restoreKey);
            }
        }
    }
}

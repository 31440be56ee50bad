package dev.amelie.pgwire.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL 15's advisory lock semantics (functions-admin.html), two sessions at a time. */
class AdvisoryLocksTest {
    private static final AdvisoryLocks.Key KEY = new AdvisoryLocks.Key(42, false);
    private final AdvisoryLocks locks = new AdvisoryLocks();

    @Test
    void aSessionTakesItsOwnLockAgainAndMustUnlockItAsOften() {
        assertTrue(locks.tryLock(1, KEY, false, false));
        assertTrue(locks.tryLock(1, KEY, false, false));
        assertFalse(locks.tryLock(2, KEY, false, false));
        assertTrue(locks.unlock(1, KEY, false));
        assertFalse(locks.tryLock(2, KEY, true, false));
        assertTrue(locks.unlock(1, KEY, false));
        assertFalse(locks.unlock(1, KEY, false));
        assertTrue(locks.tryLock(2, KEY, false, false));
    }

    @Test
    void sharedHoldsGoTogetherButExcludeAnExclusiveOne() {
        assertTrue(locks.tryLock(1, KEY, true, false));
        assertTrue(locks.tryLock(2, KEY, true, false));
        assertFalse(locks.tryLock(3, KEY, false, false));
        assertFalse(locks.unlock(1, KEY, false)); // held shared, not exclusive
        assertTrue(locks.unlock(1, KEY, true));
        assertTrue(locks.unlock(2, KEY, true));
        assertTrue(locks.tryLock(3, KEY, false, false));
    }

    @Test
    void transactionHoldsGoAtTheTransactionsEndAndUnlockDoesNotReleaseThem() {
        assertTrue(locks.tryLock(1, KEY, false, true));
        assertFalse(locks.unlock(1, KEY, false));
        assertFalse(locks.tryLock(2, KEY, false, false));
        locks.endTransaction(1);
        assertTrue(locks.tryLock(2, KEY, false, false));
    }

    @Test
    void sessionHoldsOutliveTheTransactionButNotTheSession() {
        assertTrue(locks.tryLock(1, KEY, false, false));
        locks.endTransaction(1);
        assertFalse(locks.tryLock(2, KEY, false, false));
        locks.endSession(1);
        assertTrue(locks.tryLock(2, KEY, false, false));
    }

    @Test
    void unlockAllReleasesOnlySessionHolds() {
        AdvisoryLocks.Key other = new AdvisoryLocks.Key(7, true);
        assertTrue(locks.tryLock(1, KEY, false, false));
        assertTrue(locks.tryLock(1, other, false, true));
        locks.unlockAll(1);
        assertTrue(locks.tryLock(2, KEY, false, false));
        assertFalse(locks.tryLock(2, other, false, false));
    }

    @Test
    void aBigintKeyAndAPairOfIntKeysAreDifferentLocks() {
        assertTrue(locks.tryLock(1, new AdvisoryLocks.Key(42, false), false, false));
        assertTrue(locks.tryLock(2, new AdvisoryLocks.Key(42, true), false, false));
    }

    @Test
    void aWaiterGivesUpWhenCancelled() throws Exception {
        assertTrue(locks.tryLock(1, KEY, false, false));
        assertFalse(locks.lock(2, KEY, false, false, () -> true));
        assertFalse(locks.holds(2, KEY));
    }
}

package vn.socialmap.geography;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which transactions write administrative units: until such a transaction ends, what it
 * reads may be its own uncommitted units, which must not reach the caches shared by every
 * user (a rollback would leave them there). Every writer of {@code admin_unit} marks its
 * transaction.
 */
@Component
class UnitWrites {

    /** Transactions of this node that wrote units and have ended. */
    private final java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();

    /** Marks the current transaction as writing units. */
    void mark() {
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(UnitWrites.this);
                    ended.incrementAndGet();
                }
            });
        }
    }

    /** Changes when a transaction of this node that wrote units ends. */
    long ended() {
        return ended.get();
    }

    boolean inThisTransaction() {
        return TransactionSynchronizationManager.hasResource(this);
    }
}

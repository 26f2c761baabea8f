package com.smshub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

class CommittedSnapshotTest {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicInteger reads = new AtomicInteger();
    private final CommittedSnapshot<Integer> snapshot = new CommittedSnapshot<>(MINUTE);

    @Test
    void aValueIsKeptUntilItIsForgotten() {
        assertEquals(1, snapshot.get(reads::incrementAndGet));
        assertEquals(1, snapshot.get(reads::incrementAndGet));
        snapshot.forget();
        assertEquals(2, snapshot.get(reads::incrementAndGet));
    }

    @Test
    void aReadThatAChangeOvertookIsReturnedButNotKept() {
        assertEquals(1, snapshot.get(() -> {
            snapshot.forget(); // an operator's change, while this reader was reading the rows before it
            return reads.incrementAndGet();
        }));
        assertEquals(2, snapshot.get(reads::incrementAndGet), "the overtaken read was not kept");
        assertEquals(2, snapshot.get(reads::incrementAndGet));
    }

    @Test
    void aReadBetweenTheChangeAndItsCommitIsForgottenWhenTheChangeCompletes() {
        Transaction change = new Transaction();
        snapshot.forget(change);
        assertEquals(1, snapshot.get(reads::incrementAndGet), "another thread reads what was committed before the change");
        assertEquals(1, snapshot.get(reads::incrementAndGet));
        change.complete(Status.STATUS_COMMITTED);
        assertEquals(2, snapshot.get(reads::incrementAndGet), "the change, committed, is read");
    }

    @Test
    void withoutATransactionTheValueIsForgottenOnce() {
        snapshot.get(reads::incrementAndGet);
        snapshot.forget(new Transaction(Status.STATUS_NO_TRANSACTION));
        assertEquals(2, snapshot.get(reads::incrementAndGet));
    }

    @Test
    void aValueOlderThanItsTimeToLiveIsReadAgain() {
        CommittedSnapshot<Integer> young = new CommittedSnapshot<>(0);
        assertEquals(1, young.get(reads::incrementAndGet));
        assertEquals(2, young.get(reads::incrementAndGet));
    }

    /** The registry's part a snapshot uses, for one transaction. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        private final int status;
        private final List<Synchronization> registered = new ArrayList<>();

        Transaction() {
            this(Status.STATUS_ACTIVE);
        }

        Transaction(int status) {
            this.status = status;
        }

        void complete(int outcome) {
            registered.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}

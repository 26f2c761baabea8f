package com.smshub.platform;

import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A value read from the database and kept for a while, such as the routes or the provider accounts. An operator's
 * change forgets it twice: at once, and again when the change's transaction completes. The second time matters: a
 * reader on another thread that read the rows before the change committed would otherwise keep what it read for
 * the whole time to live, and a route added right after its account would name an account nobody knows.
 * A read that an invalidation overtook is returned to its reader but never kept.
 */
public final class CommittedSnapshot<T> {

    private record Held<T>(T value, long at) {
    }

    private final long ttlNanos;
    private long generation;
    private volatile Held<T> held;

    public CommittedSnapshot(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    /** The value kept, or read by {@code load} when none is or it is older than the time to live. */
    public T get(Supplier<T> load) {
        Held<T> current = held;
        if (current != null && System.nanoTime() - current.at() < ttlNanos) {
            return current.value();
        }
        long readAt;
        synchronized (this) {
            readAt = generation;
        }
        T value = load.get();
        synchronized (this) {
            if (generation == readAt) {
                held = new Held<>(value, System.nanoTime());
            }
        }
        return value;
    }

    /** Forgets the value now and, when a transaction is active, once more when it completes (committed or not). */
    public void forget(TransactionSynchronizationRegistry transaction) {
        forget();
        if (transaction != null && transaction.getTransactionKey() != null
                && transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    /** Forgets the value now. */
    public synchronized void forget() {
        generation++;
        held = null;
    }
}

package com.smshub.sending.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.sending.control.AcceptedRequest;

/**
 * Commits concurrent sends together. Each caller queues its request and takes the writer's lock; whoever
 * holds it stores everything queued so far in one transaction, so while one group commits the next one
 * gathers. A caller returns once its own request is durable. Under load a commit (and most of the round
 * trips) serves many calls instead of one; alone, a call pays what it paid before. A group that fails is
 * stored again one request at a time, so that one bad request (a duplicate client reference racing its
 * twin) fails alone.
 */
@ApplicationScoped
public class GroupCommit {

    /** At most this many messages in one group: a few SendBatch calls, or hundreds of SendSms. */
    private static final int MOST_MESSAGES = 5000;

    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    @EJB
    AcceptanceStore store;

    private record Waiting(AcceptedRequest request, CompletableFuture<Long> stored) {
    }

    /** Stores the request durably; its id. */
    public long commit(AcceptedRequest request) {
        Waiting waiting = new Waiting(request, new CompletableFuture<>());
        queue.add(waiting);
        writer.lock();
        try {
            while (!waiting.stored().isDone()) { // a group may fill up before our own request
                writeQueued();
            }
        } finally {
            writer.unlock();
        }
        try {
            return waiting.stored().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Under the writer's lock: one group of what is queued, our own request among it. */
    private void writeQueued() {
        List<Waiting> group = new ArrayList<>();
        int messages = 0;
        for (Waiting next = queue.poll(); next != null; next = messages >= MOST_MESSAGES ? null : queue.poll()) {
            group.add(next);
            messages += next.request().messages().size();
        }
        try {
            List<Long> ids = store.store(group.stream().map(Waiting::request).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored().complete(ids.get(i));
            }
        } catch (RuntimeException groupFailed) {
            for (Waiting one : group) {
                try {
                    one.stored().complete(store.store(List.of(one.request())).get(0));
                } catch (EJBException e) {
                    one.stored().completeExceptionally(e.getCause() instanceof RuntimeException cause ? cause : e);
                } catch (RuntimeException e) {
                    one.stored().completeExceptionally(e);
                }
            }
        }
    }
}

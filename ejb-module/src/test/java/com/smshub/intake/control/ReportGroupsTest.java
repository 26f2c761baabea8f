package com.smshub.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.ProviderEvents;
import com.smshub.provider.spi.ProviderEvents.ReportResult;

class ReportGroupsTest {

    /**
     * The port as the database would have it: each call is one transaction, recorded as the ids it held; the
     * first call can be held open (a slow commit) until {@link #release}, and a report for "bad" fails its call.
     */
    static class CountingPort implements ProviderEvents {
        final List<List<String>> transactions = new CopyOnWriteArrayList<>();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirst;

        @Override
        public List<ReportResult> reports(List<DeliveryReport> reports) {
            List<String> ids = reports.stream().map(r -> ((MessageRef.Ours) r.message()).messageId()).toList();
            if (holdFirst && firstEntered.getCount() > 0) {
                firstEntered.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (ids.contains("bad")) {
                throw new IllegalStateException("rolled back: " + ids);
            }
            transactions.add(ids);
            // a result that tells the reports apart: even ids applied, odd ones recorded
            return ids.stream().map(id -> id.hashCode() % 2 == 0 ? ReportResult.APPLIED : ReportResult.RECORDED).toList();
        }

        /** ReportGroups hands the port reports and nothing else: any other call fails the test that made it. */
        private static AssertionError notReports(String call) {
            return new AssertionError("ReportGroups called the port's " + call + "; it groups reports only");
        }

        @Override
        public void park(DeliveryReport report) {
            throw notReports("park");
        }

        @Override
        public InboundResult inbound(InboundMessage message) {
            throw notReports("inbound");
        }

        @Override
        public InboundResult inboundPart(InboundMessage part, Concatenation concatenation) {
            throw notReports("inboundPart");
        }

        @Override
        public ReportResult billing(BillingReport report) {
            throw notReports("billing");
        }
    }

    private final ExecutorService pushes = Executors.newFixedThreadPool(40);
    private final CountingPort port = new CountingPort();
    private final ReportGroups groups = new ReportGroups();

    {
        groups.events = port;
    }

    @AfterEach
    void stop() {
        port.release.countDown();
        pushes.shutdownNow();
    }

    private static DeliveryReport report(String id) {
        return new DeliveryReport(MessageRef.ours(id), MessageStatus.DELIVERED, null, "TEST");
    }

    private static ReportResult expected(String id) {
        return id.hashCode() % 2 == 0 ? ReportResult.APPLIED : ReportResult.RECORDED;
    }

    private Future<List<ReportResult>> push(String... ids) {
        return pushes.submit(() -> groups.apply(List.of(ids).stream().map(ReportGroupsTest::report).toList()));
    }

    @Test
    void pushesThatCameWhileAGroupCommittedGoTogetherAndEachWaitsForItsOwnCommit() throws Exception {
        port.holdFirst = true;
        Future<List<ReportResult>> first = push("m0");
        assertTrue(port.firstEntered.await(10, TimeUnit.SECONDS));
        List<Future<List<ReportResult>>> later = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            later.add(push("m" + i, "n" + i));
        }
        // nobody is answered while the first group has not committed, not even the pushes it does not hold
        Thread.sleep(300);
        assertFalse(first.isDone());
        assertTrue(later.stream().noneMatch(Future::isDone), "a push answered before its reports were committed");

        port.release.countDown();
        assertEquals(List.of(expected("m0")), first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 30; i++) {
            assertEquals(List.of(expected("m" + i), expected("n" + i)), later.get(i - 1).get(10, TimeUnit.SECONDS),
                    "push " + i + " got another push's results");
        }
        // the thirty that waited behind the first commit took one more transaction, not thirty
        assertEquals(2, port.transactions.size(), () -> "transactions: " + port.transactions);
        assertEquals(60, port.transactions.get(1).size());
        for (int i = 1; i <= 30; i++) {
            int at = port.transactions.get(1).indexOf("m" + i);
            assertEquals("n" + i, port.transactions.get(1).get(at + 1), "a push's reports were split or reordered");
        }
    }

    @Test
    void aGroupThatFailsIsAppliedPushByPushAndOnlyTheBadPushFails() throws Exception {
        port.holdFirst = true;
        Future<List<ReportResult>> first = push("m0");
        assertTrue(port.firstEntered.await(10, TimeUnit.SECONDS));
        Future<List<ReportResult>> before = push("a1");
        Future<List<ReportResult>> bad = push("bad");
        Future<List<ReportResult>> after = push("a2", "a3");
        Thread.sleep(300);
        port.release.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(expected("a1")), before.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(expected("a2"), expected("a3")), after.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, failed.getCause().getClass(), "the port's own failure, for a 500");
        // what the good pushes said is committed, each on its own once their group failed
        assertTrue(port.transactions.contains(List.of("a1")));
        assertTrue(port.transactions.contains(List.of("a2", "a3")));
        assertTrue(port.transactions.stream().noneMatch(t -> t.contains("bad")));
    }

    @Test
    void aPushAloneIsAppliedAtOnceOnItsOwnThread() throws Exception {
        Thread caller = Thread.currentThread();
        List<Thread> appliedOn = new CopyOnWriteArrayList<>();
        groups.events = new CountingPort() {
            @Override
            public List<ReportResult> reports(List<DeliveryReport> reports) {
                appliedOn.add(Thread.currentThread());
                return super.reports(reports);
            }
        };
        assertEquals(List.of(expected("x1"), expected("x2")), groups.apply(List.of(report("x1"), report("x2"))));
        assertEquals(List.of(caller), appliedOn, "no hand-off when nobody else is pushing");
    }

    @Test
    void manyConcurrentPushesAreEachAnsweredWithTheirOwnResults() throws Exception {
        List<Future<List<ReportResult>>> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(push("p" + i));
        }
        for (int i = 0; i < all.size(); i++) {
            try {
                assertEquals(List.of(expected("p" + i)), all.get(i).get(20, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                throw new AssertionError("push " + i + " never answered", e);
            }
        }
        assertEquals(2_000, port.transactions.stream().mapToInt(List::size).sum(), "every report committed once");
        assertEquals(2_000, port.transactions.stream().flatMap(List::stream).distinct().count());
    }
}

package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GetMessageStatus;
import com.smshub.gateway.v1.GetStatusChanges;
import com.smshub.gateway.v1.GetStatusChangesResponse;
import com.smshub.gateway.v1.InboundMessage;
import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.SmsGateway;
import com.smshub.gateway.v1.StatusChange;

/**
 * Retention through the operators' API: a purge removes final messages (with their history and requests) and messages
 * from subscribers, keeps what is not final, and the tenants' cursors go on after it without a gap or a repeat.
 */
@RunAsClient
class RetentionEndToEndIT extends DeployedGateway {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SmsGateway ACME = Gateway.as("acme", "acme-password");

    private static MessageState state(String id) throws GatewayFault {
        GetMessageStatus request = new GetMessageStatus();
        request.getMessageId().add(id);
        return ACME.getMessageStatus(request).getMessage().get(0);
    }

    private static void awaitDelivered(String id) {
        Await.until(WAIT, () -> {
            try {
                return state(id).getStatus();
            } catch (GatewayFault e) {
                throw new AssertionError(e);
            }
        }, s -> s == MessageStatus.DELIVERED);
    }

    private static String send(String text) throws GatewayFault {
        return ACME.sendSms(Requests.text(text, Requests.uniqueRecipient())).getResult().get(0).getMessageId();
    }

    /** The changes after the cursor, every page; the cursor's end is the last element's id (or the cursor). */
    private static List<StatusChange> changesAfter(long cursor) throws GatewayFault {
        List<StatusChange> all = new ArrayList<>();
        long last = cursor;
        GetStatusChangesResponse page;
        do {
            GetStatusChanges read = new GetStatusChanges();
            read.setAfterChangeId(last);
            read.setMaxResults(1000);
            page = ACME.getStatusChanges(read);
            all.addAll(page.getChange());
            last = page.getLastChangeId();
        } while (page.isMore());
        return all;
    }

    private static long end(List<StatusChange> changes, long cursor) {
        return changes.isEmpty() ? cursor : changes.get(changes.size() - 1).getChangeId();
    }

    private static int count(HttpResponse<String> report, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(report.body());
        assertTrue(m.find(), field + " in " + report.body());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aPurgeRemovesFinalMessagesKeepsTheOthersAndTheStatusFeedGoesOnWithoutAGap() throws Exception {
        String first = send("Kept until the purge");
        String second = send("Kept until the purge, too");
        String scheduled = ACME.sendSms(Requests.scheduled(Requests.text("Not yet", Requests.uniqueRecipient()),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3))).getResult().get(0).getMessageId();
        awaitDelivered(first);
        awaitDelivered(second);
        long cursor = end(changesAfter(0), 0);

        HttpResponse<String> purged = Operator.call("POST", "retention/purge?olderThanDays=0&tenant=acme", null);
        assertEquals(200, purged.statusCode(), purged.body());
        assertTrue(count(purged, "messages") >= 2, purged.body());
        assertTrue(count(purged, "statusChanges") >= 4, "their history went with them: " + purged.body());

        GatewayFault gone = assertThrows(GatewayFault.class, () -> state(first));
        assertEquals(FaultCode.NOT_FOUND, gone.getFaultInfo().getCode());
        // handed to SMS Pro at once, which holds it until its time: SUBMITTED, not final
        MessageStatus waiting = state(scheduled).getStatus();
        assertTrue(waiting == MessageStatus.SUBMITTED || waiting == MessageStatus.SCHEDULED, "a message not final is kept: " + waiting);
        assertTrue(changesAfter(0).stream().noneMatch(c -> c.getMessageId().equals(first) || c.getMessageId().equals(second)),
                "the history of what was purged is not served");

        String third = send("After the purge");
        awaitDelivered(third);
        // the feed shows a change once the sequencer has given it its place, a moment after it committed
        List<StatusChange> after = Await.until(WAIT, () -> {
            try {
                return changesAfter(cursor);
            } catch (GatewayFault e) {
                throw new AssertionError(e);
            }
        }, changes -> changes.stream().anyMatch(c -> c.getMessageId().equals(third) && c.getEvent().getStatus() == MessageStatus.DELIVERED));
        assertTrue(after.stream().allMatch(c -> c.getChangeId() > cursor), "the cursor goes on from where it was");
        List<String> thirds = after.stream().filter(c -> c.getMessageId().equals(third)).map(c -> c.getEvent().getStatus().name()).toList();
        assertTrue(thirds.equals(List.of("QUEUED", "SUBMITTED", "DELIVERED")) || thirds.equals(List.of("QUEUED", "DELIVERED")),
                "each of the new message's changes once, in order, after the old cursor: " + thirds);
    }

    @Test
    void messagesFromSubscribersArePurgedAndTheInboundFeedGoesOn() throws Exception {
        SmsGateway demo = Gateway.demo();
        long cursor = InboundEndToEndIT.end(demo);
        String before = Requests.uniqueRecipient();
        InboundEndToEndIT.mo("from", before, "text", "Before the purge");
        List<InboundMessage> first = InboundEndToEndIT.from(demo, cursor, before);
        assertEquals(1, first.size());

        HttpResponse<String> purged = Operator.call("POST", "retention/purge?olderThanDays=0&tenant=demo", null);
        assertEquals(200, purged.statusCode(), purged.body());
        assertTrue(count(purged, "inboundMessages") >= 1, purged.body());
        assertTrue(InboundEndToEndIT.from(demo, cursor, before).isEmpty(), "purged");

        String afterwards = Requests.uniqueRecipient();
        InboundEndToEndIT.mo("from", afterwards, "text", "After the purge");
        List<InboundMessage> next = InboundEndToEndIT.from(demo, first.get(0).getInboundId(), afterwards);
        assertEquals(1, next.size(), "read from the cursor the reader had before the purge");
        assertTrue(next.get(0).getInboundId() > first.get(0).getInboundId());
    }

    @Test
    void aPurgeWithoutDaysOrOfATenantThatDoesNotExistIsRefused() throws Exception {
        assertEquals(400, Operator.call("POST", "retention/purge", null).statusCode());
        assertEquals(400, Operator.call("POST", "retention/purge?olderThanDays=-1", null).statusCode());
        HttpResponse<String> unknown = Operator.call("POST", "retention/purge?olderThanDays=30&tenant=nobody", null);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("tenant"), unknown.body());
        assertEquals(403, Operator.call("POST", "retention/purge?olderThanDays=30", null, "demo", "demo-password").statusCode(),
                "operators only");
    }
}

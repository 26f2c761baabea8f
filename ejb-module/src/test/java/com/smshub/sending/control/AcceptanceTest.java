package com.smshub.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.Money;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Reason;
import com.smshub.kernel.SmsContent;
import com.smshub.message.NewMessage;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.routing.control.Routes;
import com.smshub.routing.entity.Route;

/** Acceptance's decisions that follow the chosen provider's capabilities: grouping and who schedules. */
class AcceptanceTest {

    /** SMS Pro's group key: the whole content. */
    private static final BiFunction<Route, SmsContent, Optional<Object>> SAME_CONTENT = (route, content) -> Optional.of(content);

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Route routeTaking(long account, int recipients) {
        return Routes.route(account, "+46", null, Routes.account(account, ProviderCode.valueOf("SMSPRO")),
                Capabilities.builder(1600).sameTextRecipients(recipients).with(Feature.SCHEDULING).build(), 1);
    }

    private static List<Acceptance.Verdict> verdicts(SmsContent content, Route... routes) {
        List<Acceptance.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < routes.length; i++) {
            verdicts.add(verdict(i, content, routes[i]));
        }
        return verdicts;
    }

    /** The verdict on the i-th recipient, "m" + i: accepted to the route, or rejected where there is none. */
    private static Acceptance.Verdict verdict(int i, SmsContent content, Route route) {
        NewMessage.Addressee to = new NewMessage.Addressee(1, i, null, "+4670000000" + i);
        return route == null
                ? new Acceptance.Verdict(NewMessage.rejected("m" + i, to, content, new Reason("NO_ROUTE", "")), null)
                : new Acceptance.Verdict(NewMessage.accepted("m" + i, to, content, content.segmentation(), MessageStatus.QUEUED,
                        new NewMessage.Assignment(route.account().provider(), route.account().id(), null, NOW, null)), route);
    }

    private static List<String> groups(List<Acceptance.Verdict> verdicts) {
        return verdicts.stream().map(v -> v.message().assignment() == null ? "-" : String.valueOf(v.message().assignment().dispatchGroup()))
                .toList();
    }

    @Test
    void recipientsOfOneTextGoInGroupsOfAtMostWhatTheirAccountTakes() {
        Route bulk = routeTaking(10, 2);
        Route single = routeTaking(11, 1);
        List<Acceptance.Verdict> grouped = Acceptance.grouped(verdicts(SmsContent.text("Hi").build(),
                bulk, single, bulk, null, bulk, bulk, bulk), SAME_CONTENT);
        assertEquals(List.of("m0", "null", "m0", "-", "m4", "m4", "null"), groups(grouped),
                "pairs in request order; a last one left alone goes alone; other accounts and rejections untouched");
    }

    @Test
    void messagesWithTheirOwnTextsShareARequestWhereTheProviderTakesThemSoAndTheirGroupKeyAgrees() {
        Route mobipace = Routes.route(20, "+7", null, Routes.account(20, ProviderCode.valueOf("MOBIPACE")),
                Capabilities.builder(500).messagesPerRequest(3).build(), 1);
        BiFunction<Route, SmsContent, Optional<Object>> sender = (route, content) -> Optional.of(String.valueOf(content.originator()));
        List<Acceptance.Verdict> verdicts = new ArrayList<>();
        String[] texts = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < texts.length; i++) {
            SmsContent content = SmsContent.text(texts[i]).originator(i == 1
                    ? new Originator(Originator.Type.ALPHANUMERIC, "OTHER") : null).build();
            verdicts.add(verdict(i, content, mobipace));
        }
        assertEquals(List.of("m0", "null", "m0", "m0", "null"), groups(Acceptance.grouped(verdicts, sender)),
                "three a request for those of one sender; the other sender's and the one left over go alone");
    }

    @Test
    void premiumMessagesNeverShareARequest() {
        Route bulk = routeTaking(10, 100);
        SmsContent premium = SmsContent.text("Pay").premium(new Money(BigDecimal.TEN, "SEK"), "x").build();
        assertEquals(List.of("null", "null"), groups(Acceptance.grouped(verdicts(premium, bulk, bulk), SAME_CONTENT)));
    }

    @Test
    void aScheduledMessageIsHeldByTheGatewayOnlyWhereItsProviderCannotSchedule() {
        OffsetDateTime later = NOW.plusHours(2);
        SmsContent scheduled = SmsContent.text("Later").scheduledAt(later).build();
        Route schedules = routeTaking(10, 1);
        Route cannot = Routes.route(11, "+46", null, Routes.account(11, ProviderCode.valueOf("MOBIPACE")), Capabilities.builder(500).build(), 1);

        assertEquals(NOW, Acceptance.dueAt(scheduled, schedules, NOW), "handed over at once, with the time");
        assertEquals(later, Acceptance.dueAt(scheduled, cannot, NOW), "held in the outbox until due");
        assertEquals(NOW, Acceptance.dueAt(SmsContent.text("Now").build(), cannot, NOW));
    }

    @Test
    void aNewMessageAnswersItsCallerWithWhatWasStored() {
        Route route = routeTaking(10, 1);
        SmsContent cyrillic = SmsContent.text("ж".repeat(71)).build();
        NewMessage accepted = NewMessage.accepted("m1", new NewMessage.Addressee(1, 0, "ref", "+46700000001"),
                cyrillic, cyrillic.segmentation(), MessageStatus.QUEUED,
                new NewMessage.Assignment(ProviderCode.valueOf("SMSPRO"), route.account().id(), new Money(BigDecimal.ONE, "SEK"), NOW, null));
        var outcome = accepted.outcome();
        assertEquals("m1", outcome.messageId());
        assertEquals(2, outcome.segments(), "71 UCS-2 characters: two segments");
        assertNull(outcome.priced().messageId(), "a price quote stores nothing");
        var rejected = NewMessage.rejected("m2", new NewMessage.Addressee(1, 1, null, "12"), SmsContent.text("x").build(),
                new Reason("INVALID_MSISDN", "not a number")).outcome();
        assertNull(rejected.messageId());
        assertEquals("INVALID_MSISDN", rejected.reasonCode());
    }
}

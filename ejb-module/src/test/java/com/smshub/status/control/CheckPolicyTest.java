package com.smshub.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.MessageStatus;
import com.smshub.message.DueCheck;
import com.smshub.message.StatusUpdate;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;

/** When open messages are asked about, and when no more (docs/status-mapping.md, "UNKNOWN"). */
class CheckPolicyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    private static DueCheck due(MessageStatus status, String providerId, OffsetDateTime lastChange, int polls) {
        return new DueCheck("m", status, providerId, 1L, lastChange, polls);
    }

    @Test
    void checksBackOffToAnHour() {
        assertEquals(NOW.plusSeconds(CheckPolicy.BACKOFF.toSeconds()), CheckPolicy.after(due(MessageStatus.SUBMITTED, "p", NOW, 0), NOW).at());
        assertEquals(NOW.plusSeconds(CheckPolicy.BACKOFF.toSeconds() * 4), CheckPolicy.after(due(MessageStatus.SUBMITTED, "p", NOW, 2), NOW).at());
        assertEquals(NOW.plusSeconds(3600), CheckPolicy.after(due(MessageStatus.SUBMITTED, "p", NOW, 30), NOW).at());
    }

    @Test
    void afterTheDeadlineWithoutNewsAnUnknownIsUnresolvedAndASubmittedHasNoFinalReport() {
        OffsetDateTime longAgo = NOW.minus(CheckPolicy.DEADLINE);
        CheckPolicy.Next unknown = CheckPolicy.after(due(MessageStatus.UNKNOWN, null, longAgo, 40), NOW);
        assertNull(unknown.at());
        assertEquals("UNRESOLVED", unknown.reason().code());
        assertEquals("NO_FINAL_REPORT", CheckPolicy.after(due(MessageStatus.SUBMITTED, "p", longAgo, 40), NOW).reason().code());
        assertNull(CheckPolicy.after(due(MessageStatus.UNKNOWN, null, longAgo.plusSeconds(1), 40), NOW).reason(),
                "a second before the deadline it is still asked about");
    }

    @Test
    void aMessageWithoutTheProvidersIdIsAskedAboutOnlyWhereTheProviderFindsItByOurs() {
        Capabilities byTheirId = Capabilities.builder(160).with(Feature.STATUS_POLL).build();
        Capabilities byOurs = Capabilities.builder(160).with(Feature.STATUS_POLL, Feature.STATUS_BY_REFERENCE).build();
        assertTrue(CheckPolicy.canAsk(due(MessageStatus.UNKNOWN, "p", NOW, 0), byTheirId));
        assertFalse(CheckPolicy.canAsk(due(MessageStatus.UNKNOWN, null, NOW, 0), byTheirId));
        assertTrue(CheckPolicy.canAsk(due(MessageStatus.UNKNOWN, null, NOW, 0), byOurs));
        assertFalse(CheckPolicy.canAsk(due(MessageStatus.UNKNOWN, "p", NOW, 0), Capabilities.builder(160).build()));
    }

    @Test
    void aReportedStatusSetsTheNextCheck() {
        assertNull(StatusLedger.nextCheck(MessageStatus.DELIVERED, NOW), "final: no more checks");
        assertEquals(NOW.plus(CheckPolicy.BACKOFF), StatusLedger.nextCheck(MessageStatus.UNKNOWN, NOW),
                "UNKNOWN: asked about soon, since only asking resolves it");
        assertEquals(StatusUpdate.KEEP_CHECKS, StatusLedger.nextCheck(MessageStatus.SUBMITTED, NOW));
    }
}

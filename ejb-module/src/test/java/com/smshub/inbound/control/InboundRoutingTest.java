package com.smshub.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.inbound.entity.InboundRule;

class InboundRoutingTest {

    private static final long ACCOUNT = 7;

    private final List<InboundRule> rules = List.of(
            new InboundRule(1L, 100, ACCOUNT, null, null, null, 100),          // everything on the account
            new InboundRule(2L, 200, ACCOUNT, null, null, "acme", 100),        // its keyword
            new InboundRule(3L, 200, ACCOUNT, null, "1234", null, 100),        // DNT suffix
            new InboundRule(4L, 300, null, "+72700", null, null, 100),         // a short code, any account
            new InboundRule(5L, 400, null, "72700", null, null, 50));          // the same, preferred by priority

    private Long tenant(long account, String to, String text) {
        return InboundRouting.best(rules, account, to, InboundRouting.firstWord(text)).map(InboundRule::tenantId).orElse(null);
    }

    @Test
    void theRuleThatSetsMostConditionsWins() {
        assertEquals(100, tenant(ACCOUNT, "71700", "Hello"));
        assertEquals(200, tenant(ACCOUNT, "71700", "Acme order 42"), "keyword on the account beats the account alone");
        assertEquals(200, tenant(ACCOUNT, "+467090325991234", "hi"), "destination number trigger");
        assertEquals(100, tenant(ACCOUNT, "467090325991235", "hi"));
    }

    @Test
    void priorityThenIdBreakTies() {
        assertEquals(400, tenant(99, "72700", "hi"));
        assertNull(tenant(99, "71700", "hi"), "no rule takes it");
    }

    @Test
    void firstWordIsUpperCaseWithoutTrailingPunctuation() {
        assertEquals("STOP", InboundRouting.firstWord("  stop!  please"));
        assertEquals("STOPP", InboundRouting.firstWord("Stopp."));
        assertNull(InboundRouting.firstWord("   "));
        assertNull(InboundRouting.firstWord(null));
    }

    @Test
    void serviceKeywordsAreStopStoppTestAndInfo() {
        assertEquals(InboundRouting.ServiceKeyword.STOP, InboundRouting.ServiceKeyword.of("STOPP").orElseThrow());
        assertEquals(InboundRouting.ServiceKeyword.STOP, InboundRouting.ServiceKeyword.of("STOP").orElseThrow());
        assertEquals(InboundRouting.ServiceKeyword.TEST, InboundRouting.ServiceKeyword.of("TEST").orElseThrow());
        assertEquals(InboundRouting.ServiceKeyword.INFO, InboundRouting.ServiceKeyword.of("INFO").orElseThrow());
        assertTrue(InboundRouting.ServiceKeyword.of("STOPPA").isEmpty());
    }

    @Test
    void answersComeFromTheNumberWrittenTo() {
        assertEquals("SHORT_CODE", KeywordReplies.originator("71700").type().name());
        assertEquals("NUMERIC", KeywordReplies.originator("+467090325991234").type().name());
        assertNull(KeywordReplies.originator("FSG2MO"), "an account name is no number: the account's default sender");
    }
}

package com.smshub.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.Originator;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.SmsContent;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.routing.entity.Route;

/** The order of routes and what each can carry, as README and docs/contract.md state them. */
class RouterTest {

    private static final Msisdn SWEDEN = new Msisdn("+46708331536");
    private static final SmsContent TEXT = SmsContent.text("Hello").build();

    private static List<Long> ids(List<Route> routes) {
        return routes.stream().map(Route::id).toList();
    }

    @Test
    void tenantsOwnRoutesComeFirstThenTheLongestPrefixThenTheLowestPriority() {
        Route general = Routes.route(1, "+", 10, 1);
        Route sweden = Routes.route(2, "+46", 11, 50);
        Route swedishMobile = Routes.route(3, "+4670", 12, 90);
        Route swedishMobileFirst = Routes.route(4, "+4670", 13, 10);
        Route tenantsOwn = Routes.route(5, "+", 7L, Routes.account(14, ProviderCode.valueOf("SMSPRO")), Routes.ALL, 100);
        Route othersOwn = Routes.route(6, "+4670", 8L, Routes.account(15, ProviderCode.valueOf("SMSPRO")), Routes.ALL, 1);
        Route elsewhere = Routes.route(7, "+27", 16, 1);
        List<Route> all = List.of(general, sweden, swedishMobile, swedishMobileFirst, tenantsOwn, othersOwn, elsewhere);

        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids(Router.candidates(all, 7, SWEDEN, TEXT)));
    }

    @Test
    void aProviderPreferenceGoesFirstAmongThoseThatQualify() {
        Route smsPro = Routes.route(1, "+46", 10, 1);
        Route mobipace = Routes.route(2, "+", null, Routes.account(11, ProviderCode.valueOf("MOBIPACE")), Routes.ALL, 100);
        SmsContent preferring = SmsContent.text("Hello").providerPreference(ProviderCode.valueOf("MOBIPACE")).build();

        assertEquals(List.of(2L, 1L), ids(Router.candidates(List.of(smsPro, mobipace), 7, SWEDEN, preferring)));
        assertEquals(List.of(1L, 2L), ids(Router.candidates(List.of(smsPro, mobipace), 7, SWEDEN, TEXT)));
    }

    @Test
    void equalRoutesKeepOneOrder() {
        Route a = Routes.route(9, "+46", 10, 5);
        Route b = Routes.route(3, "+46", 11, 5);
        assertEquals(List.of(3L, 9L), ids(Router.candidates(List.of(a, b), 7, SWEDEN, TEXT)));
        assertEquals(List.of(3L, 9L), ids(Router.candidates(List.of(b, a), 7, SWEDEN, TEXT)));
    }

    @Test
    void aRouteCarriesOnlyWhatItIsMarkedForAndItsProviderCan() {
        Capabilities textOnly = Capabilities.builder(500).build();
        Route limited = Routes.route(1, "+46", null, Routes.account(10, ProviderCode.valueOf("MOBIPACE")), textOnly, 1);
        Route full = Routes.route(2, "+46", 11, 9);
        List<Route> both = List.of(limited, full);

        assertEquals(List.of(1L, 2L), ids(Router.candidates(both, 7, SWEDEN, TEXT)));
        assertEquals(List.of(2L), ids(Router.candidates(both, 7, SWEDEN, SmsContent.text("x".repeat(501)).build())),
                "longer than the provider takes");
        assertEquals(List.of(2L), ids(Router.candidates(both, 7, SWEDEN, SmsContent.binary("0102").build())));
        assertEquals(List.of(2L), ids(Router.candidates(both, 7, SWEDEN, SmsContent.text("Now").flash(true).build())));
        assertEquals(List.of(2L), ids(Router.candidates(both, 7, SWEDEN, SmsContent.text("Soon").validityMinutes(5).build())));
        assertEquals(List.of(2L), ids(Router.candidates(both, 7, SWEDEN,
                SmsContent.text("Pay").premium(new Money(BigDecimal.TEN, "SEK"), "x").build())));
    }

    @Test
    void capabilitiesDecideWhatAProviderCarries() {
        Capabilities premiumOnly = Capabilities.builder(160).with(Feature.PREMIUM_BILLING).build();
        assertTrue(Router.carries(premiumOnly, SmsContent.text("Pay").premium(new Money(BigDecimal.ONE, "SEK"), null).build()));
        assertFalse(Router.carries(premiumOnly, SmsContent.text("x".repeat(161)).build()));
        assertTrue(Router.carries(premiumOnly, SmsContent.text("x".repeat(160)).build()));
        assertFalse(Router.carries(Capabilities.NONE, TEXT), "a provider without an adapter carries nothing");
        SmsContent sixteen = SmsContent.text("Hola").originator(new Originator(Originator.Type.ALPHANUMERIC, "SMSHUB Colombia!")).build();
        assertFalse(Router.carries(Capabilities.builder(160).build(), sixteen), "11 characters unless the adapter says more");
        assertTrue(Router.carries(Capabilities.builder(160).senderCharacters(16).build(), sixteen), "Masiv's 16");
        assertTrue(Router.carries(Capabilities.builder(160).build(), SmsContent.text("Hola")
                .originator(new Originator(Originator.Type.NUMERIC, "+46734252604123")).build()), "numbers are not held to it");
    }

    @Test
    void aRouteWhoseProviderRefusesTheContentIsNoCandidateAndItsRuleNamesTheField() {
        Capabilities asciiSubIds = Capabilities.builder(500).refusing("tags/subId1", "ASCII only.",
                c -> c.subId1() != null && !c.subId1().chars().allMatch(ch -> ch < 128)).build();
        Route strict = Routes.route(1, "+46", null, Routes.account(10, ProviderCode.valueOf("SMSPRO")), asciiSubIds, 1);
        Route lenient = Routes.route(2, "+46", 11, 9);
        SmsContent accented = SmsContent.text("Hej").tags("CC-1", "Zoné 3", null).build();

        assertEquals(List.of(1L, 2L), ids(Router.candidates(List.of(strict, lenient), 7, SWEDEN, TEXT)));
        assertEquals(List.of(2L), ids(Router.candidates(List.of(strict, lenient), 7, SWEDEN, accented)),
                "another provider takes what this one refuses");
        assertEquals(List.of(), ids(Router.candidates(List.of(strict), 7, SWEDEN, accented)));
        assertEquals("tags/subId1", asciiSubIds.refusal(accented).orElseThrow().field());
        assertTrue(asciiSubIds.refusal(TEXT).isEmpty());
        assertFalse(Router.carries(asciiSubIds, accented), "nor is it failed over to");
    }
}

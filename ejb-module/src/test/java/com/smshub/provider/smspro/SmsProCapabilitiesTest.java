package com.smshub.provider.smspro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Capabilities.Feature;
import com.smshub.provider.spi.Capabilities;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.GroupSending;
import com.smshub.provider.spi.MessageRef;
import com.smshub.provider.spi.PushReceiving;
import com.smshub.provider.spi.Settings;
import com.smshub.provider.spi.StatusPolling;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/** What SMS Pro declares it can do, its account settings, and its pushed reports in the gateway's terms. */
class SmsProCapabilitiesTest {

    private static Account account(Map<String, String> settings) {
        return new Account(1, "se", ProviderCode.valueOf("SMSPRO"), "https://sms-pro.net:44343/services/CUSTOMER", "CUSTOMER", "x",
                Settings.of(settings), null);
    }

    @Test
    void capabilitiesFollowTheSpecificationAndTheAccountsSettings() {
        SmsProAdapter adapter = new SmsProAdapter();
        Capabilities one = adapter.capabilities(account(Map.of()));
        assertEquals(1, one.mostPerRequest(true), "one recipient a request unless the account says otherwise");
        assertTrue(one.has(Feature.PREMIUM_BILLING) && one.has(Feature.SCHEDULING) && one.has(Feature.STATUS_PUSH));
        assertFalse(one.has(Feature.STATUS_BY_REFERENCE), "section 6.8 asks by mobilectrl_id only");
        assertEquals(100, adapter.capabilities(account(Map.of("recipientsPerRequest", "100"))).mostPerRequest(true));
        assertEquals(1, adapter.capabilities(account(Map.of("recipientsPerRequest", "100"))).mostPerRequest(false),
                "recipients of one text only");
    }

    @Test
    void declaredFeaturesAreImplemented() {
        SmsProAdapter adapter = new SmsProAdapter();
        assertInstanceOf(StatusPolling.class, adapter);
        assertInstanceOf(PushReceiving.class, adapter);
        assertInstanceOf(GroupSending.class, adapter);
    }

    @Test
    void settingsOutsideTheRulesAreRefusedWithTheRule() {
        SmsProAdapter adapter = new SmsProAdapter();
        adapter.checkSettings(Settings.of(Map.of("recipientsPerRequest", "100")));
        InvalidValueException tooMany = assertThrows(InvalidValueException.class,
                () -> adapter.checkSettings(Settings.of(Map.of("recipientsPerRequest", "101"))));
        assertTrue(tooMany.getMessage().contains("1 to 100"), tooMany.getMessage());
        InvalidValueException unknown = assertThrows(InvalidValueException.class,
                () -> adapter.checkSettings(Settings.of(Map.of("window", "10"))));
        assertTrue(unknown.getMessage().contains("recipientsPerRequest"), "names what it takes: " + unknown.getMessage());
    }

    @Test
    void aPushedStatusNamesOurMessageAndKeepsSmsProsWords() {
        String id = UUID.randomUUID().toString();
        MobilectrlDeliveryStatus pushed = ProviderXml.of(SmsProSchemas.VOCABULARY).read("""
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <mobilectrl_delivery_status>
                  <mobilectrl_id> 57:12f95de:11817630961:77ec</mobilectrl_id>
                  <status>0</status>
                  <delivery_status since="20210217144142">-2</delivery_status>
                  <message>SMS FAILED</message>
                </mobilectrl_delivery_status>""", MobilectrlDeliveryStatus.class);
        DeliveryReport report = SmsProCallbacks.report(id, pushed).orElseThrow();
        assertEquals(MessageRef.ours(id), report.message());
        assertEquals(MessageStatus.UNDELIVERED, report.status());
        assertEquals("-2", report.report().rawStatus());
        assertEquals("57:12f95de:11817630961:77ec", report.report().providerMessageId(), "read with its leading space dropped");
        assertEquals("SMSPRO_PUSH", report.source());
    }
}

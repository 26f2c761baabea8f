package com.smshub.provider.smspro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.Money;
import com.smshub.kernel.Msisdn;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Tags;
import com.smshub.provider.smspro.xml.BillingRequest;
import com.smshub.provider.smspro.xml.BillingResult;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.BillingReport;
import com.smshub.provider.spi.SubscriberCharging.Charge;
import com.smshub.provider.spi.SubscriberCharging.ChargeOutcome;

/** Billing Pro (section 10, tables 9-11), MTB results (7.3, table 7) and MO hex (8.2) in the gateway's terms. */
class SmsProBillingTest {

    private static final Account ACCOUNT = new Account(1, "smspro", ProviderCode.valueOf("SMSPRO"), "http://localhost/services/CUSTOMER",
            "CUSTOMER", "xxxxxxxx", null, null);

    private static Charge charge(String amount, String currency, BigDecimal vat, boolean credit) {
        return new Charge(UUID.randomUUID().toString(), new Msisdn("+46734252604"), new Money(new BigDecimal(amount), currency),
                credit, vat, "Parkering", "WEB", new Tags(null, "Department", "Group"));
    }

    @Test
    void requestCarriesOreVatContentTypeAndOurId() {
        Charge charge = charge("10.00", "SEK", null, true);
        BillingRequest request = SmsProAdapter.billingRequest(charge, ACCOUNT);
        assertEquals(1000, request.getBill().getAmount());
        assertEquals(2500, request.getBill().getVat());
        assertEquals(3, request.getBill().getContentType(), "WEB is 3 (table 9)");
        assertEquals("credit", request.getBill().getType());
        assertEquals(CompactIds.of(charge.reference()), request.getCustomer().getRequestId());
        assertTrue(request.getCustomer().getRequestId().length() <= 30);
        assertEquals("Department", request.getCustomer().getSubId1(), "the caller's tags as sub_id_1 and sub_id_2 (table 9)");
        assertEquals("Group", request.getCustomer().getSubId2());
    }

    @Test
    void whatBillingProWouldRefuseIsDeclinedWithItsCode() {
        assertEquals("107", ((ChargeOutcome.Declined) SmsProAdapter.refused(charge("10", "EUR", null, false)).orElseThrow()).code());
        assertEquals("105", ((ChargeOutcome.Declined) SmsProAdapter.refused(charge("0.99", "SEK", null, false)).orElseThrow()).code());
        assertEquals("105", ((ChargeOutcome.Declined) SmsProAdapter.refused(charge("500.01", "SEK", null, false)).orElseThrow()).code());
        assertEquals("105", ((ChargeOutcome.Declined) SmsProAdapter.refused(charge("1.005", "SEK", null, false)).orElseThrow()).code());
        assertEquals("106", ((ChargeOutcome.Declined) SmsProAdapter.refused(charge("10", "SEK", BigDecimal.TEN, false)).orElseThrow()).code());
        assertTrue(SmsProAdapter.refused(charge("500.00", "SEK", new BigDecimal("25.00"), false)).isEmpty());
        assertTrue(SmsProAdapter.refused(charge("1", "SEK", null, false)).isEmpty());
    }

    @Test
    void table11() {
        BillingResult ok = result(0, 0);
        ChargeOutcome.Approved approved = assertInstanceOf(ChargeOutcome.Approved.class, SmsProCodes.ofBilling(ok));
        assertEquals("57:19c472:11175c2ba94:-8000", approved.providerTransactionId());
        assertEquals("tele2", approved.operator());
        ChargeOutcome.Declined low = assertInstanceOf(ChargeOutcome.Declined.class, SmsProCodes.ofBilling(result(-2, 103)));
        assertEquals("103", low.code());
        assertEquals("The end-user account balance is low.", low.reason());
        assertEquals("101", ((ChargeOutcome.Declined) SmsProCodes.ofBilling(result(1, 0))).code(), "status alone says no");
    }

    @Test
    void table7PendingAndFinal() {
        assertEquals(BillingReport.Outcome.PENDING, SmsProCodes.ofContentBilling(0, true));
        assertEquals(BillingReport.Outcome.APPROVED, SmsProCodes.ofContentBilling(0, false));
        assertEquals(BillingReport.Outcome.DECLINED, SmsProCodes.ofContentBilling(-2, false));
    }

    @Test
    void moHexAsTheDocumentsExampleAndAsUtf16() {
        assertEquals("Hello \uD83D\uDC4D", ReceivedSms.fromHex("48656C6C6F20D83DDC4D"), "section 8.2's own example");
        assertEquals("Hej \uD83D\uDC4D", ReceivedSms.fromHex("00480065006A0020D83DDC4D"));
        assertEquals("R\u00e4ksm\u00f6rg\u00e5s", ReceivedSms.fromHex("52E46B736DF67267E573"));
    }

    private static BillingResult result(int status, int code) {
        BillingResult result = new BillingResult();
        result.setCustomerId("CUSTOMER");
        result.setTransactionId(" 57:19c472:11175c2ba94:-8000 ");
        result.setOperator("tele2");
        result.setStatus(status);
        result.setStatuscode(code);
        result.setMessage("x");
        result.setDatetime("2021-01-24 19:30:06");
        return result;
    }
}

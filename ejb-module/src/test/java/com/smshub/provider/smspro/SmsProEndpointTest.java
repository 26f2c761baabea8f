package com.smshub.provider.smspro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.InvalidValueException;
import com.smshub.kernel.ProviderCode;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.Settings;

/** Section 2 and Appendix 1: the documents carry the customer's credentials, HTTP Basic the agreement's others. */
class SmsProEndpointTest {

    private static Account account(Map<String, String> settings) {
        return new Account(1, "se", ProviderCode.valueOf("SMSPRO"), "https://sms-pro.net:44343/services/CUSTOMER", "CUSTOMER", "xxxxxxxx",
                Settings.of(settings), Account.Limits.NONE);
    }

    @Test
    void basicCarriesTheAdditionalCredentialsNotTheCustomersOwn() {
        SmsProEndpoint endpoint = SmsProEndpoint.of(account(Map.of("basicUsername", "smshub", "basicPassword", "s3cret")));
        String header = endpoint.basicAuthorization().orElseThrow();
        assertEquals("smshub:s3cret", new String(Base64.getDecoder().decode(header.substring("Basic ".length())),
                StandardCharsets.ISO_8859_1));
        assertEquals("CUSTOMER", endpoint.customerId());
        assertEquals("xxxxxxxx", endpoint.password());
        assertEquals(header, endpoint.forBilling().basicAuthorization().orElseThrow(), "Billing Pro's requests too");
        assertTrue(!endpoint.toString().contains("s3cret") && !endpoint.basic().toString().contains("s3cret"));
    }

    @Test
    void withoutThemNoAuthorizationIsSentAsWithAFixedAddressAgreement() {
        assertTrue(SmsProEndpoint.of(account(Map.of())).basicAuthorization().isEmpty());
    }

    @Test
    void aUserAndAPasswordGoTogether() {
        assertThrows(InvalidValueException.class, () -> SmsProSettings.of(Settings.of(Map.of("basicUsername", "smshub"))));
        assertThrows(InvalidValueException.class, () -> SmsProSettings.of(Settings.of(Map.of("basicPassword", "s3cret"))));
        assertThrows(InvalidValueException.class,
                () -> SmsProSettings.of(Settings.of(Map.of("basicUsername", "a:b", "basicPassword", "s3cret"))));
    }

    @Test
    void thePasswordIsASecretSetting() {
        assertEquals(java.util.Set.of("basicPassword"), new SmsProAdapter().secretSettings());
    }
}

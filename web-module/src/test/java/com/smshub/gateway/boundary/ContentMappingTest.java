package com.smshub.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.kernel.ProviderCode;

class ContentMappingTest {

    @Test
    void aProviderCodeOfAnotherFormIsAValidationFaultOnItsField() {
        GatewayFault malformed = assertThrows(GatewayFault.class,
                () -> ContentMapping.provider("smspro; DROP", "message[2]/providerPreference"));
        assertEquals(FaultCode.VALIDATION, malformed.getFaultInfo().getCode());
        assertEquals("message[2]/providerPreference", malformed.getFaultInfo().getField());
    }

    @Test
    void aWellFormedCodeIsTakenAndNoneIsNone() throws GatewayFault {
        assertEquals(ProviderCode.valueOf("MASIV"), ContentMapping.provider("MASIV", "providerPreference"));
        assertNull(ContentMapping.provider(null, "providerPreference"));
    }
}

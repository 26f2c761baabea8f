package com.smshub.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.PingResponse;
import com.smshub.health.entity.AccountHealth;
import com.smshub.health.entity.HealthReport;
import com.smshub.kernel.Liveness;

class PingMappingTest {

    @Test
    void reportInTheContractsTerms() {
        HealthReport report = new HealthReport("1.2.3", OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC),
                "demo", true, List.of(
                        new AccountHealth(com.smshub.kernel.ProviderCode.valueOf("SMSPRO"), "se",
                                Liveness.down(Duration.ofMillis(42), "HTTP 503")),
                        new AccountHealth(com.smshub.kernel.ProviderCode.valueOf("MYMSP"), "mymsp", Liveness.notChecked("no adapter"))));
        PingResponse response = PingMapping.toResponse(report);
        assertEquals(HealthStatus.DEGRADED, response.getStatus());
        assertEquals(HealthStatus.UP, response.getDatabase());
        assertEquals("1.2.3", response.getVersion());
        assertEquals("2026-11-22T10:00:00.000Z", response.getServerTime().toXMLFormat());
        assertEquals("SMSPRO", response.getProviderAccount().get(0).getProvider());
        assertEquals(HealthStatus.DOWN, response.getProviderAccount().get(0).getStatus());
        assertEquals(42L, response.getProviderAccount().get(0).getLatencyMillis());
        assertEquals(HealthStatus.NOT_CHECKED, response.getProviderAccount().get(1).getStatus());
        assertNull(response.getProviderAccount().get(1).getLatencyMillis(), "no latency for an account not probed");
    }

    @Test
    void anyProviderTheGatewayRegistersIsNamedInTheContractAsItsCode() {
        HealthReport report = new HealthReport("1.2.3", OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, ZoneOffset.UTC),
                "demo", true, List.of(new AccountHealth(com.smshub.kernel.ProviderCode.valueOf("SIXTH_2"), "sixth",
                        Liveness.notChecked("a provider the contract's schema does not list"))));
        assertEquals("SIXTH_2", PingMapping.toResponse(report).getProviderAccount().get(0).getProvider());
    }
}

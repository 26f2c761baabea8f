package com.smshub.health.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.Liveness;

class HealthReportTest {

    private static HealthReport report(boolean database, Liveness... accounts) {
        List<AccountHealth> health = java.util.Arrays.stream(accounts)
                .map(l -> new AccountHealth(ProviderCode.valueOf("SMSPRO"), "a", l)).toList();
        return new HealthReport("1", OffsetDateTime.now(), "demo", database, health);
    }

    @Test
    void upWhenDatabaseAndAccountsAnswer() {
        assertEquals(HealthReport.Overall.UP, report(true, Liveness.up(Duration.ofMillis(3), "ok")).overall());
    }

    @Test
    void accountsNotCheckedDoNotDegrade() {
        assertEquals(HealthReport.Overall.UP, report(true, Liveness.notChecked("not requested")).overall());
    }

    @Test
    void degradedWhenAnAccountIsDown() {
        assertEquals(HealthReport.Overall.DEGRADED,
                report(true, Liveness.up(Duration.ZERO, "ok"), Liveness.down(Duration.ZERO, "refused")).overall());
    }

    @Test
    void downWithoutDatabaseWhateverTheAccounts() {
        assertEquals(HealthReport.Overall.DOWN, report(false, Liveness.up(Duration.ZERO, "ok")).overall());
    }
}

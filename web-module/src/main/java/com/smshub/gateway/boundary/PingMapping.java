package com.smshub.gateway.boundary;

import com.smshub.gateway.v1.HealthStatus;
import com.smshub.gateway.v1.PingResponse;
import com.smshub.gateway.v1.ProviderAccountHealth;
import com.smshub.health.entity.AccountHealth;
import com.smshub.health.entity.HealthReport;
import com.smshub.kernel.Liveness;

/** The domain's health report in the contract's terms. */
final class PingMapping {

    private PingMapping() {
    }

    static PingResponse toResponse(HealthReport report) {
        PingResponse response = new PingResponse();
        response.setStatus(HealthStatus.valueOf(report.overall().name()));
        response.setVersion(report.version());
        response.setServerTime(Times.of(report.serverTime()));
        response.setTenant(report.tenant());
        response.setDatabase(report.database() ? HealthStatus.UP : HealthStatus.DOWN);
        for (AccountHealth account : report.accounts()) {
            response.getProviderAccount().add(toAccount(account));
        }
        return response;
    }

    private static ProviderAccountHealth toAccount(AccountHealth account) {
        ProviderAccountHealth health = new ProviderAccountHealth();
        health.setProvider(account.provider().name());
        health.setAccount(account.account());
        Liveness liveness = account.liveness();
        health.setStatus(switch (liveness.state()) {
            case UP -> HealthStatus.UP;
            case DOWN -> HealthStatus.DOWN;
            case NOT_CHECKED -> HealthStatus.NOT_CHECKED;
        });
        if (liveness.state() != Liveness.State.NOT_CHECKED) {
            health.setLatencyMillis(liveness.latency().toMillis());
        }
        health.setDetail(liveness.detail());
        return health;
    }
}

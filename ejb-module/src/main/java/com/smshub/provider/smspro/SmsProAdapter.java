package com.smshub.provider.smspro;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.provider.Liveness;
import com.smshub.provider.ProviderAdapter;
import com.smshub.provider.ProviderCode;
import com.smshub.provider.entity.ProviderAccount;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;

/** SMS Pro / Billing Pro behind the gateway's provider interface. */
@ApplicationScoped
public class SmsProAdapter implements ProviderAdapter {

    @Inject
    SmsProClient client;

    @Override
    public ProviderCode provider() {
        return ProviderCode.SMSPRO;
    }

    /** The keep-alive of section 11; status 0 is alive (table 12), anything else is not. */
    @Override
    public Liveness probe(ProviderAccount account) {
        long started = System.nanoTime();
        try {
            MobilectrlAliveCheck check = client.keepAlive(SmsProEndpoint.of(account));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String detail = "status " + check.getStatus() + ": " + check.getMessage();
            return check.getStatus() == 0 ? Liveness.up(took, detail) : Liveness.down(took, detail);
        } catch (SmsProException e) {
            return Liveness.down(Duration.ofNanos(System.nanoTime() - started), e.getMessage());
        }
    }
}

package com.smshub.simulator.smspro;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.xml.ProviderVocabulary;
import com.smshub.provider.xml.ProviderXml;

/**
 * Pushes delivery statuses (section 6.9) to the URL each message named, and repeats a push that is not
 * acknowledged with HTTP 200, up to five times.
 */
final class SmsProReporter {

    private static final Logger LOG = Logger.getLogger(SmsProReporter.class.getName());
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicLong PUSHED = new AtomicLong();

    private SmsProReporter() {
    }

    static void schedule(ManagedScheduledExecutorService scheduler, SmsProLedger.Sent sent, long delayMillis) {
        if (sent.deliveryUrl() == null || sent.outcome() == 1 || !SmsProBehaviour.pushReports) {
            return; // no outcome to report, or the outcome is only told when asked (section 6.8)
        }
        int deliveryStatus = sent.outcome();
        int copies = SmsProBehaviour.duplicateReports ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            scheduler.schedule(() -> push(scheduler, sent, deliveryStatus, 1), delayMillis + i * 50L, TimeUnit.MILLISECONDS);
        }
        if (SmsProBehaviour.outOfOrderReports) {
            // an intermediate status overtaken by the final one, as reports over separate connections can be
            scheduler.schedule(() -> push(scheduler, sent, 1, 1), delayMillis + 150L, TimeUnit.MILLISECONDS);
        }
    }

    private static void push(ManagedScheduledExecutorService scheduler, SmsProLedger.Sent sent, int deliveryStatus, int attempt) {
        MobilectrlDeliveryStatus report = new MobilectrlDeliveryStatus();
        report.setMobilectrlId(sent.mobilectrlId());
        report.setStatus(0);
        MobilectrlDeliveryStatus.DeliveryStatus delivery = new MobilectrlDeliveryStatus.DeliveryStatus();
        delivery.setValue(deliveryStatus);
        delivery.setSince(SINCE.format(LocalDateTime.now()));
        report.setDeliveryStatus(delivery);
        report.setMessage(switch (deliveryStatus) {
            case 0 -> "SMS SENT";
            case 1 -> "SMS IN PROCESS";
            default -> "SMS FAILED";
        });
        byte[] body = ProviderXml.of(ProviderVocabulary.SMSPRO).write(report).getBytes(StandardCharsets.ISO_8859_1);
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(sent.deliveryUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/xml; charset=ISO-8859-1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                PUSHED.incrementAndGet();
                return;
            }
            LOG.info(() -> "Report for " + sent.mobilectrlId() + " answered HTTP " + response.statusCode());
        } catch (Exception e) {
            LOG.info(() -> "Report for " + sent.mobilectrlId() + " failed: " + e);
        }
        if (attempt < 5) {
            scheduler.schedule(() -> push(scheduler, sent, deliveryStatus, attempt + 1), 1000L * attempt, TimeUnit.MILLISECONDS);
        }
    }
}

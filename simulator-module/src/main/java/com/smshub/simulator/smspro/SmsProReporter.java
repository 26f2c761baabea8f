package com.smshub.simulator.smspro;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * Pushes delivery statuses (section 6.9) to the URL each message named, and repeats a push that is not
 * acknowledged with HTTP 200, up to five times. Blocking HttpURLConnection with its kept-alive connections:
 * it costs the machine the gateway is measured on far less CPU than java.net.http's asynchronous client.
 */
final class SmsProReporter {

    private static final Logger LOG = Logger.getLogger(SmsProReporter.class.getName());
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final AtomicLong PUSHED = new AtomicLong();

    private SmsProReporter() {
    }

    static void schedule(ScheduledExecutorService scheduler, SmsProLedger.Sent sent, long delayMillis) {
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

    /**
     * A report a restart left unacknowledged: pushed again, patiently (every 2 s for two minutes), since the
     * gateway restarts beside the simulator and takes a while to listen again.
     */
    static void again(ScheduledExecutorService scheduler, SmsProLedger.Sent sent) {
        scheduler.schedule(() -> push(scheduler, sent, sent.outcome(), -60), 2, TimeUnit.SECONDS);
    }

    /** One push; {@code attempt} counts up to 5, or from a negative number up to 0 for a patient push (every 2 s). */
    private static void push(ScheduledExecutorService scheduler, SmsProLedger.Sent sent, int deliveryStatus, int attempt) {
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
        byte[] body = ProviderXml.of(SmsProSchemas.VOCABULARY).write(report).getBytes(StandardCharsets.ISO_8859_1);
        try {
            int status = post(sent.deliveryUrl(), body);
            if (status == 200) {
                PUSHED.incrementAndGet();
                if (deliveryStatus != 1) {
                    SmsProLedger.reported(sent.mobilectrlId());
                }
                return;
            }
            LOG.info(() -> "Report for " + sent.mobilectrlId() + " answered HTTP " + status);
        } catch (Exception e) {
            LOG.info(() -> "Report for " + sent.mobilectrlId() + " failed: " + e);
        }
        if (attempt < 0) {
            scheduler.schedule(() -> push(scheduler, sent, deliveryStatus, attempt + 1), 2000L, TimeUnit.MILLISECONDS);
        } else if (attempt > 0 && attempt < 5) {
            scheduler.schedule(() -> push(scheduler, sent, deliveryStatus, attempt + 1), 1000L * attempt, TimeUnit.MILLISECONDS);
        }
    }

    /** Posts the report and reads the whole answer, so that the connection goes back to the keep-alive cache. */
    static int post(String url, byte[] body) throws Exception {
        return exchange(url, body, 10_000).status();
    }

    /** What the customer application answered a push: its HTTP status and body (ISO-8859-1, SMS Pro's charset). */
    record Answer(int status, String body) {
    }

    /**
     * One ISO-8859-1 XML POST to the customer application, its answer read whole. An address with user
     * information ({@code http://user:password@host/...}) sends it as HTTP Basic (Appendix 1), never in the
     * request line.
     */
    static Answer exchange(String url, byte[] body, int readTimeoutMillis) throws IOException {
        URI address = URI.create(url);
        String authorization = null;
        if (address.getRawUserInfo() != null) {
            String userInfo = URLDecoder.decode(address.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
            authorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            address = URI.create(url.replace(address.getRawUserInfo() + "@", ""));
        }
        HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(readTimeoutMillis);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "text/xml; charset=ISO-8859-1");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }
}

package com.smshub.simulator.smspro;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.smspro.xml.BillingRequest;
import com.smshub.provider.smspro.xml.BillingResult;
import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlAliveRequest;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatus;
import com.smshub.provider.smspro.xml.MobilectrlDeliveryStatusRequest;
import com.smshub.provider.smspro.xml.MobilectrlResponse;
import com.smshub.provider.smspro.xml.MobilectrlSms;
import com.smshub.provider.smspro.xml.MtSms;
import com.smshub.provider.smspro.xml.RawSms;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * SMS Pro 3.3.1 as its customers see it: {@code POST /smspro/services/{customer}/{operation}} with HTTP Basic
 * authentication (Appendix 1) and ISO-8859-1 XML bodies validated against the schemas in {@code xsd/smspro}.
 * Serves sendsms (sections 6, 7), status (6.8), billing (Billing Pro, 10) and alive (11), and pushes delivery
 * statuses (6.9) and MTB billing results (7.3); {@link SmsProMoServlet} pushes messages from subscribers (8).
 * A message is held until its {@code start_delivery} and fails (-2) if its {@code valid_until} ends first (table 1,
 * read in Swedish time).
 *
 * <p>Its one customer is {@code CUSTOMER} / {@code xxxxxxxx} in the documents (section 2), as in the
 * specification's examples, unless the system properties {@code smshub.simulator.smspro.customer} and
 * {@code ...password} say otherwise; Appendix 1's additional credentials, a user of their own, are
 * {@code smspro-basic} / {@code smspro-basic-password} ({@code ...basic-user}, {@code ...basic-password}). A request
 * without them is refused with 401 before its body is read; a document with another customer's password gets
 * status -2, as any incorrect request does (table 11).
 * {@link SmsProSimulatorControl} makes it misbehave.
 */
// started with the deployment: reports a restart left unacknowledged go out again at once (SmsProLedger)
@WebServlet(urlPatterns = "/smspro/services/*", loadOnStartup = 1)
public class SmsProSimulator extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SmsProSimulator.class.getName());
    private static final Charset WIRE = StandardCharsets.ISO_8859_1;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    // strict: 20260230 is no day (the schema's pattern lets it through)
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final java.time.ZoneId SWEDEN = java.time.ZoneId.of("Europe/Stockholm");

    private final ProviderXml xml = ProviderXml.of(SmsProSchemas.VOCABULARY);

    @Resource
    ManagedThreadFactory threads;

    /**
     * Who pushes the delivery statuses: a provider pushes many at once, over as many connections. The
     * server's default scheduler has a thread per core, and with each push waiting for the gateway's commit
     * it, not the gateway, limited end-to-end throughput. {@code smshub.simulator.smspro.pushers}, default 32.
     */
    private ScheduledExecutorService pushers;

    @Override
    public void init() {
        int count = Integer.getInteger("smshub.simulator.smspro.pushers", 32);
        // HttpURLConnection keeps five connections a host unless told otherwise: one for each pusher
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(count));
        }
        pushers = Executors.newScheduledThreadPool(count, threads);
        List<SmsProLedger.Sent> unreported = SmsProLedger.unreported();
        if (!unreported.isEmpty()) {
            LOG.info(() -> unreported.size() + " reports unacknowledged before the restart are pushed again");
            unreported.forEach(sent -> SmsProReporter.again(pushers, sent));
        }
    }

    @Override
    public void destroy() {
        pushers.shutdownNow();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        if (path.length != 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Expected /services/{customer}/{operation}");
            return;
        }
        String customer = path[0];
        if (!authorised(request, customer)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SmsPro auth\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication required");
            return;
        }
        switch (path[1]) {
            case "alive" -> keepAlive(request, response);
            case "sendsms" -> sendSms(request, response, customer);
            case "status" -> status(request, response);
            case "billing" -> billing(request, response, customer);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown operation " + path[1]);
        }
    }

    /** Sections 6, 6.7, 7.1, 7.2. */
    private void sendSms(HttpServletRequest request, HttpServletResponse response, String customer) throws IOException {
        SmsProLedger.REQUESTS.incrementAndGet();
        MobilectrlSms sms;
        byte[] wire;
        try (InputStream body = request.getInputStream()) {
            wire = body.readAllBytes();
            sms = xml.read(new ByteArrayInputStream(wire), MobilectrlSms.class);
        } catch (InvalidProviderXmlException e) {
            reply(response, mtResponse(customer, null, "", -2, "Invalid XML: " + e.getMessage()));
            return;
        }
        String requestId = sms.getHeader().getRequestId();
        if (!customer.equals(sms.getHeader().getCustomerId())) {
            reply(response, mtResponse(customer, requestId, "", -2, "customer_id does not match the URL"));
            return;
        }
        if (!customerPassword().equals(sms.getHeader().getPassword())) {
            SmsProLedger.WRONG_PASSWORD.incrementAndGet();
            reply(response, mtResponse(customer, requestId, "", -2, "customer_id and password do not match"));
            return;
        }
        SmsProBehaviour.SendFailure failure = SmsProBehaviour.failureNow();
        switch (failure) {
            case HTTP_500 -> {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Simulated failure");
                return;
            }
            case HTTP_503 -> {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Simulated unavailability");
                return;
            }
            case HTTP_401 -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"SmsPro auth\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Simulated refusal");
                return;
            }
            case STATUS_MINUS_2 -> {
                reply(response, mtResponse(customer, requestId, "", -2, "The MT SMS request is not correct."));
                return;
            }
            default -> {
            }
        }
        Long start;
        Long until;
        try {
            start = minute(sms.getHeader().getStartDelivery());
            until = minute(sms.getHeader().getValidUntil());
        } catch (java.time.DateTimeException e) {
            reply(response, mtResponse(customer, requestId, "", -2, "start_delivery and valid_until are YYYYMMDDhhmm: " + e.getMessage()));
            return;
        }
        String mobilectrlId;
        {
            // a request_id seen before is taken again: the specification promises no deduplication (SmsProLedger)
            mobilectrlId = SmsProLedger.newId();
            List<String> recipients = new ArrayList<>();
            for (Object message : sms.getPayload().getSmsOrRawSms()) {
                if (message instanceof MtSms mt) {
                    if (mt.getPremiumrate() != null && mt.getToMsisdn().size() != 1) {
                        reply(response, mtResponse(customer, requestId, "", -2, "MTB SMS takes exactly one to_msisdn (table 4)."));
                        return;
                    }
                    recipients.addAll(mt.getToMsisdn());
                    SmsProLedger.received(mt.getToMsisdn(), received(sms, "sms", mt.isBinary(), mt.getMsgClass(), null,
                            mt.getDestinationPort(), mt.getSourcePort()));
                } else if (message instanceof RawSms raw) {
                    recipients.addAll(raw.getToMsisdn());
                    SmsProLedger.received(raw.getToMsisdn(), received(sms, "raw_sms", raw.isBinary(), raw.getMsgClass(),
                            raw.getHeader(), null, null));
                }
            }
            long delay = SmsProBehaviour.reportBeforeAnswer ? 0 : SmsProBehaviour.deliveryDelayMillis;
            int outcome = switch (SmsProBehaviour.outcome) {
                case DELIVERED -> 0;
                case FAILED -> -2;
                case NONE -> 1;
            };
            // table 1: start_delivery holds the message until its minute; valid_until ends the tries, so a message whose
            // validity ends before its start is never delivered (-2, the one failure status, table 11)
            long now = System.currentTimeMillis();
            boolean tryOnlyOnce = sms.getPayload().getSmsOrRawSms().stream().anyMatch(m -> m instanceof MtSms mt && mt.isTryOnlyOnce());
            if (start != null && start > now + delay) {
                SmsProLedger.SCHEDULED.incrementAndGet();
                delay = start - now;
            }
            if (until != null && !tryOnlyOnce && until < now + delay) {
                SmsProLedger.EXPIRED.incrementAndGet();
                outcome = -2;
                delay = Math.max(0, until - now);
            }
            SmsProLedger.Sent sent = new SmsProLedger.Sent(mobilectrlId, requestId, recipients,
                    sms.getHeader().getStatusDeliveryUrl(), outcome, System.currentTimeMillis() + delay);
            SmsProLedger.record(sent);
            SmsProLedger.messageOctets(recipients, wire);
            boolean premium = sms.getPayload().getSmsOrRawSms().stream()
                    .anyMatch(m -> m instanceof MtSms mt && mt.getPremiumrate() != null);
            // section 7: the subscriber is charged first, and a message whose charge failed is not sent
            if (!premium || SmsProBilling.premium(pushers, customer, mobilectrlId)) {
                SmsProReporter.schedule(pushers, sent, delay);
            }
        }
        if (failure == SmsProBehaviour.SendFailure.SLOW) {
            sleep(SmsProBehaviour.slowMillis);
        }
        MobilectrlResponse answer = mtResponse(customer, requestId, mobilectrlId, 0, "The MT SMS request is being processed.");
        if (failure == SmsProBehaviour.SendFailure.HTTP_502) {
            // the message is taken; a proxy's answer goes back instead of SMS Pro's
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "Simulated proxy: the upstream answer was lost");
            return;
        }
        if (failure == SmsProBehaviour.SendFailure.RESET) {
            cutOff(response, answer);
            return;
        }
        reply(response, answer);
    }

    /** Section 10: Billing Pro answers once the operator has. */
    private void billing(HttpServletRequest request, HttpServletResponse response, String customer) throws IOException {
        BillingRequest bill;
        try (InputStream body = request.getInputStream()) {
            bill = SmsProBilling.read(body.readAllBytes());
        } catch (InvalidProviderXmlException e) {
            reply(response, billingRefused(customer, "Invalid XML: " + e.getMessage()));
            return;
        }
        if (!customer.equals(bill.getCustomer().getCustomerId()) || !customerPassword().equals(bill.getCustomer().getPassword())) {
            SmsProLedger.WRONG_PASSWORD.incrementAndGet();
            reply(response, billingRefused(customer, "customer_id and password do not match"));
            return;
        }
        SmsProBilling.Answer answer = SmsProBilling.bill(bill, customer);
        if (answer.httpStatus() != 0) {
            response.sendError(answer.httpStatus(), "Simulated failure");
            return;
        }
        if (answer.slow()) {
            sleep(SmsProBehaviour.slowMillis);
        }
        if (answer.reset()) {
            cutOff(response, answer.result());
            return;
        }
        reply(response, answer.result());
    }

    /** An incorrect Billing Pro request: status -2, "purchase not performed" (101, table 11). */
    private static BillingResult billingRefused(String customer, String message) {
        BillingResult refused = new BillingResult();
        refused.setCustomerId(customer);
        refused.setTransactionId("");
        refused.setOperator("");
        refused.setStatus(-2);
        refused.setStatuscode(101);
        refused.setMessage(message);
        refused.setDatetime(DATETIME.format(LocalDateTime.now()));
        return refused;
    }

    /** Section 6.8. */
    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MobilectrlDeliveryStatus answer = new MobilectrlDeliveryStatus();
        MobilectrlDeliveryStatusRequest query;
        try (InputStream body = request.getInputStream()) {
            query = xml.read(body, MobilectrlDeliveryStatusRequest.class);
        } catch (InvalidProviderXmlException e) {
            answer.setMobilectrlId("");
            answer.setStatus(-2);
            answer.setMessage("Invalid XML: " + e.getMessage());
            reply(response, answer);
            return;
        }
        String id = query.getStatusFor().getValue();
        SmsProLedger.Sent sent = SmsProLedger.find(id);
        answer.setMobilectrlId(id);
        answer.setStatus(0);
        MobilectrlDeliveryStatus.DeliveryStatus delivery = new MobilectrlDeliveryStatus.DeliveryStatus();
        delivery.setSince(DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(LocalDateTime.now()));
        if (sent == null) {
            delivery.setValue(-1);
            answer.setMessage("No SMS found matching requested value");
        } else {
            delivery.setValue(sent.deliveryStatus());
            answer.setMessage(switch (sent.deliveryStatus()) {
                case 0 -> "SMS SENT";
                case 1 -> "SMS IN PROCESS";
                case 2 -> "SMS PARSED";
                default -> "SMS FAILED";
            });
        }
        answer.setDeliveryStatus(delivery);
        reply(response, answer);
    }

    /** Section 11. */
    private void keepAlive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsProLedger.ALIVE_CHECKS.incrementAndGet();
        try (InputStream body = request.getInputStream()) {
            xml.read(body, MobilectrlAliveRequest.class);
        } catch (InvalidProviderXmlException e) {
            LOG.info(() -> "Rejected keep-alive request: " + e.getMessage());
            reply(response, aliveCheck(-2, e.getMessage()));
            return;
        }
        if (!SmsProBehaviour.alive) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Simulated outage");
            return;
        }
        reply(response, aliveCheck(0, "SMSPro is alive."));
    }

    private static MobilectrlResponse mtResponse(String customer, String requestId, String mobilectrlId, int status, String message) {
        MobilectrlResponse answer = new MobilectrlResponse();
        answer.setCustomerId(customer);
        answer.setRequestId(requestId);
        answer.setMobilectrlId(mobilectrlId);
        answer.setStatus(status);
        answer.setCode("0");
        answer.setErrorcode(status == 0 ? "0" : "1");
        answer.setMessage(message);
        answer.setDatetime(DATETIME.format(LocalDateTime.now()));
        return answer;
    }

    private static MobilectrlAliveCheck aliveCheck(int status, String message) {
        MobilectrlAliveCheck check = new MobilectrlAliveCheck();
        check.setStatus(status);
        check.setMessage(message);
        return check;
    }

    /** Section 14.3 asks for a correct Content-Length; the body is sent whole. */
    private void reply(HttpServletResponse response, Object document) throws IOException {
        byte[] body = xml.write(document).getBytes(WIRE);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml; charset=ISO-8859-1");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Announces the whole answer, sends half of it and ends the exchange: the container cannot complete the
     * response it promised and closes the connection, so the caller reads a truncated answer and then EOF.
     */
    private void cutOff(HttpServletResponse response, Object document) throws IOException {
        byte[] body = xml.write(document).getBytes(WIRE);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml; charset=ISO-8859-1");
        response.setContentLength(body.length);
        response.getOutputStream().write(body, 0, body.length / 2);
        response.getOutputStream().flush();
        LOG.info("Simulated connection reset after accepting the request");
        throw new IOException("Simulated connection reset");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message's fields beside its text and recipients, as tests read them back. */
    private static java.util.Map<String, String> received(MobilectrlSms sms, String kind, boolean binary, int msgClass,
            String udh, Integer destinationPort, Integer sourcePort) {
        java.util.Map<String, String> fields = new java.util.TreeMap<>();
        fields.put("kind", kind);
        fields.put("binary", String.valueOf(binary));
        fields.put("msgClass", String.valueOf(msgClass));
        put(fields, "udh", udh);
        put(fields, "destinationPort", destinationPort);
        put(fields, "sourcePort", sourcePort);
        put(fields, "fromAlphanumeric", sms.getHeader().getFromAlphanumeric());
        put(fields, "fromMsisdn", sms.getHeader().getFromMsisdn());
        put(fields, "startDelivery", sms.getHeader().getStartDelivery());
        put(fields, "validUntil", sms.getHeader().getValidUntil());
        return fields;
    }

    private static void put(java.util.Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    /** SMS Pro's minutes (table 1), in Swedish time as the gateway writes them; null where not given. */
    private static Long minute(String text) {
        if (text == null) {
            return null;
        }
        return LocalDateTime.parse(text.strip(), MINUTE).atZone(SWEDEN).toInstant().toEpochMilli();
    }

    private static String customerPassword() {
        return System.getProperty("smshub.simulator.smspro.password", "xxxxxxxx");
    }

    /** The URL's customer, and Appendix 1's additional credentials, which are not the customer's own. */
    private static boolean authorised(HttpServletRequest request, String customer) {
        String expectedCustomer = System.getProperty("smshub.simulator.smspro.customer", "CUSTOMER");
        String basicUser = System.getProperty("smshub.simulator.smspro.basic-user", "smspro-basic");
        String basicPassword = System.getProperty("smshub.simulator.smspro.basic-password", "smspro-basic-password");
        String header = request.getHeader("Authorization");
        if (header == null) {
            // an account the agreement gave no additional credentials sends none: told apart for tests to see
            SmsProLedger.WITHOUT_AUTHORIZATION.incrementAndGet();
        }
        if (!customer.equals(expectedCustomer) || header == null || !header.startsWith("Basic ")) {
            SmsProLedger.UNAUTHORISED.incrementAndGet();
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), WIRE);
        } catch (IllegalArgumentException e) {
            SmsProLedger.UNAUTHORISED.incrementAndGet();
            return false;
        }
        if (!credentials.equals(basicUser + ":" + basicPassword)) {
            SmsProLedger.UNAUTHORISED.incrementAndGet();
            return false;
        }
        return true;
    }
}

package com.smshub.simulator.smspro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.smspro.xml.MoSms;
import com.smshub.provider.smspro.xml.MobilectrlReceivedSms;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.smspro.schema.SmsProSchemas;

/**
 * A subscriber's message, as SMS Pro pushes it (sections 8 and 9): {@code POST /smspro/mo} with {@code from}
 * (required), {@code text} or {@code hex} (8.2's option 3: sent with {@code binary="true"}), and optionally
 * {@code account} (default 71700), {@code destination} (the DNT's {@code destination_address}),
 * {@code mobilectrlId} (default a new one), {@code customer} (default CUSTOMER), {@code operator},
 * {@code firstname}, {@code lastname}, {@code address}, {@code postalcode}, {@code city},
 * {@code personinfostatus}, {@code times} (push the same message this many times, as SMS Pro does when it
 * misses the acknowledgement), {@code url} (another address than the agreement's, {@code moUrl} of the control).
 * Answers, one {@code name=value} a line: mobilectrlId, and per push status and the acknowledgement's body.
 * Outside SMS Pro's protocol: it stands for the subscriber and the operator.
 */
@WebServlet(urlPatterns = "/smspro/mo")
public class SmsProMoServlet extends HttpServlet {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** From the clock: a simulator deployed again (each test class does) never gives an earlier message's id. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 8);
    static final AtomicLong PUSHED = new AtomicLong();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8"); // the form's text, whatever SMS Pro's own encoding
        }
        String from = request.getParameter("from");
        String text = request.getParameter("text");
        String hex = request.getParameter("hex");
        if (from == null || (text == null) == (hex == null)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from and one of text or hex are required");
            return;
        }
        String id = param(request, "mobilectrlId", "57:5aa434:eac0a56a0b:-" + Long.toHexString(SEQUENCE.incrementAndGet()));
        MobilectrlReceivedSms mo = new MobilectrlReceivedSms();
        MobilectrlReceivedSms.Header header = new MobilectrlReceivedSms.Header();
        header.setCustomerId(param(request, "customer", "CUSTOMER"));
        header.setMobilectrlId(id);
        header.setDatetime(DATETIME.format(LocalDateTime.now(java.time.ZoneId.of("Europe/Stockholm"))));
        mo.setHeader(header);
        MoSms sms = new MoSms();
        sms.setAccount(param(request, "account", "71700"));
        sms.setPremiumrate(java.math.BigDecimal.ZERO);
        sms.setDestinationAddress(request.getParameter("destination"));
        if (hex != null) {
            sms.setBinary(true);
            sms.setMessage(hex);
        } else {
            sms.setMessage(text);
        }
        MoSms.FromMsisdn number = new MoSms.FromMsisdn();
        number.setValue(from);
        number.setOperator(param(request, "operator", "telenor"));
        sms.setFromMsisdn(number);
        sms.setFirstname(request.getParameter("firstname"));
        sms.setLastname(request.getParameter("lastname"));
        sms.setAddress(request.getParameter("address"));
        sms.setPostalcode(request.getParameter("postalcode"));
        sms.setCity(request.getParameter("city"));
        String lookup = request.getParameter("personinfostatus");
        sms.setPersoninfostatus(lookup == null ? null : Integer.valueOf(lookup));
        MobilectrlReceivedSms.Payload payload = new MobilectrlReceivedSms.Payload();
        payload.setSms(sms);
        mo.setPayload(payload);
        byte[] body;
        try {
            body = ProviderXml.of(SmsProSchemas.VOCABULARY).write(mo).getBytes(StandardCharsets.ISO_8859_1);
        } catch (InvalidProviderXmlException e) {
            // table 8's rules (from_msisdn: '+' and digits; in a form '+' is written %2B)
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a valid mobilectrl_received_sms: " + e.getMessage());
            return;
        }
        String url = param(request, "url", SmsProBehaviour.moUrl);
        int times = Integer.parseInt(param(request, "times", "1"));
        StringBuilder answer = new StringBuilder("mobilectrlId=" + id + "\n");
        for (int i = 1; i <= times; i++) {
            SmsProReporter.Answer acknowledged = SmsProReporter.exchange(url, body, 30_000);
            int status = acknowledged.status();
            String acknowledgement = acknowledged.body();
            if (status == 200) {
                PUSHED.incrementAndGet();
            }
            answer.append("status").append(i).append('=').append(status).append('\n');
            answer.append("answer").append(i).append('=').append(acknowledgement.replaceAll("\\s*\\n\\s*", "")).append('\n');
        }
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().print(answer);
    }

    private static String param(HttpServletRequest request, String name, String otherwise) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}

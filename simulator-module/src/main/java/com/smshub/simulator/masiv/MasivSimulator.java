package com.smshub.simulator.masiv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.masiv.xml.AcceptReport;
import com.smshub.provider.masiv.xml.Response;
import com.smshub.provider.masiv.xml.ResponseData;
import com.smshub.provider.xml.ProviderXml;
import com.smshub.provider.masiv.schema.MasivSchemas;

/**
 * Estratec Masiv's HTTP API 4.2 as its customers see it, below {@code /smshub-simulator/masiv/SmsHandlers}:
 * {@code sendhandler.ashx?action=sendmessage} (GET, UTF-8 URL-encoded parameters; one acceptreport per
 * 160-character part with longMessage=true, a text over 160 characters refused with 1160 without it) and
 * {@code Reporthandler.ashx?action=getMessage} (status 0-6, dates in UTC; 2000 for an id it does not know),
 * answered with the {@code response} document of xsd/masiv, validated. Errors as the document lists them:
 * 1164 for a missing parameter, 1158 without action, 1157 for wrong credentials, 1 for an invalid recipient;
 * {@link MasivLedger}'s switches add the others. A message with a {@code sendondate} is held (getMessage tells 0)
 * until that time, read in its {@code timeZone} switch (UTC); one it cannot read is refused with 8734.
 */
@WebServlet(urlPatterns = {"/masiv/SmsHandlers/sendhandler.ashx", "/masiv/SmsHandlers/Reporthandler.ashx"})
public class MasivSimulator extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(MasivSimulator.class.getName());

    private static final DateTimeFormatter SEND_ON = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss");

    private final ProviderXml xml = ProviderXml.of(MasivSchemas.RESPONSE);

    /** getMessage requests being answered now. */
    private static final AtomicInteger STATUS_IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger SENDS_IN_FLIGHT = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        MasivLedger.SWITCHES.count("requests");
        String action = request.getParameter("action");
        if (action == null || action.isBlank()) {
            reply(response, error(1158, "No action parameter specified in HTTP query."));
            return;
        }
        if (request.getParameter("username") == null || request.getParameter("password") == null) {
            reply(response, error(1164, "Mandatory http parameter is missing"));
            return;
        }
        if (!MasivLedger.SWITCHES.get("username").equals(request.getParameter("username"))
                || !MasivLedger.SWITCHES.get("password").equals(request.getParameter("password"))) {
            reply(response, error(1157, "Invalid username or password"));
            return;
        }
        boolean send = request.getServletPath().endsWith("sendhandler.ashx");
        if (send && action.equalsIgnoreCase("sendmessage")) {
            MasivLedger.SWITCHES.most("mostSendInFlight", SENDS_IN_FLIGHT.incrementAndGet());
            try {
                sendMessage(request, response);
            } finally {
                SENDS_IN_FLIGHT.decrementAndGet();
            }
        } else if (!send && action.equalsIgnoreCase("getMessage")) {
            getMessage(request, response);
        } else {
            reply(response, error(1158, "Unknown action " + action));
        }
    }

    private void sendMessage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String recipient = request.getParameter("recipient");
        String text = request.getParameter("messagedata");
        if (recipient == null || text == null) {
            reply(response, error(1164, "Mandatory http parameter is missing"));
            return;
        }
        if (!recipient.matches("[0-9]{6,16}")) {
            reply(response, error(1, "Invalid recipient."));
            return;
        }
        boolean longMessage = Boolean.parseBoolean(request.getParameter("longMessage"));
        if (text.length() > 160 && !longMessage) {
            reply(response, error(1160, "Message is too long"));
            return;
        }
        int code = Integer.parseInt(MasivLedger.SWITCHES.failureNow("errorCode"));
        if (code != 0) {
            reply(response, error(code, "Simulated error " + code));
            return;
        }
        String originator = request.getParameter("originator");
        if (originator != null && originator.length() > 16) {
            // "maximum length is 16 characters"; the spec's table has no code of its own for it
            MasivLedger.SWITCHES.count("refusedOriginator");
            reply(response, error(1164, "originator is at most 16 characters"));
            return;
        }
        long sendAt;
        try {
            sendAt = sendOn(request.getParameter("sendondate"));
        } catch (DateTimeParseException e) {
            // the document names no code for a date it cannot read: its general exception
            MasivLedger.SWITCHES.count("refusedDate");
            reply(response, error(8734, "General exception, please contact Estratec: sendondate " + e.getParsedString()));
            return;
        }
        if (sendAt > System.currentTimeMillis()) {
            MasivLedger.SWITCHES.count("scheduled");
        }
        MasivLedger.SWITCHES.received(recipient, Map.of("originator", String.valueOf(originator), "text", text,
                "longMessage", String.valueOf(longMessage), "sendondate", String.valueOf(request.getParameter("sendondate"))));
        MasivLedger.WIRE.arrived(recipient + " " + text);
        ResponseData data = new ResponseData();
        int parts = text.length() <= 160 ? 1 : (text.length() + 159) / 160;
        String id = MasivLedger.newId();
        for (int part = 0; part < parts; part++) {
            String partId = part == 0 || MasivLedger.SWITCHES.get("partIds").equals("same") ? id : MasivLedger.newId();
            MasivLedger.take(partId, sendAt);
            AcceptReport accepted = new AcceptReport();
            accepted.setStatuscode(0);
            accepted.setStatusmessage("Message accepted for delivery");
            accepted.setMessageid(partId);
            accepted.setOriginator(originator);
            accepted.setRecipient(recipient);
            accepted.setMessagetype("SMS:TEXT");
            accepted.setMessagedata(text.substring(part * 160, Math.min(text.length(), (part + 1) * 160)));
            data.getAcceptreport().add(accepted);
        }
        MasivLedger.SWITCHES.count("accepted");
        MasivLedger.SWITCHES.add("parts", parts);
        long slow = MasivLedger.SWITCHES.number("slowMillis");
        if (slow > 0) {
            sleep(slow);
        }
        Response answer = new Response();
        answer.setAction("sendmessage");
        answer.setData(data);
        reply(response, answer);
    }

    private void getMessage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MasivLedger.SWITCHES.count("statusRequests");
        MasivLedger.SWITCHES.most("mostStatusInFlight", STATUS_IN_FLIGHT.incrementAndGet());
        try {
            long slow = MasivLedger.SWITCHES.number("statusSlowMillis");
            if (slow > 0) {
                sleep(slow);
            }
            answerStatus(request, response);
        } finally {
            STATUS_IN_FLIGHT.decrementAndGet();
        }
    }

    private void answerStatus(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MasivLedger.Part part = MasivLedger.find(request.getParameter("messageId"));
        if (part == null) {
            reply(response, error(2000, "Invalid ID"));
            return;
        }
        ResponseData data = new ResponseData();
        data.setMessageid(part.id());
        data.setDate(part.date());
        data.setStatus(part.status());
        Response answer = new Response();
        answer.setAction("getMessage");
        answer.setData(data);
        reply(response, answer);
    }

    /**
     * sendondate (MM/DD/YYYY hh:mm:ss) as epoch milliseconds in the simulator's {@code timeZone} (UTC, as Masiv
     * gives its own dates); absent: 0, sent at once.
     */
    private static long sendOn(String sendondate) {
        if (sendondate == null || sendondate.isBlank()) {
            return 0;
        }
        return LocalDateTime.parse(sendondate.strip(), SEND_ON).atZone(ZoneId.of(MasivLedger.SWITCHES.get("timeZone")))
                .toInstant().toEpochMilli();
    }

    private static Response error(int code, String message) {
        ResponseData data = new ResponseData();
        data.setErrorcode(code);
        data.setErrormessage(message);
        Response answer = new Response();
        answer.setAction("error");
        answer.setData(data);
        LOG.fine(() -> "Masiv simulator answers error " + code);
        return answer;
    }

    private void reply(HttpServletResponse response, Response answer) throws IOException {
        byte[] body = xml.write(answer).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.smshub.simulator.mobipace;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.mobipace.json.AuthorizeRequest;
import com.smshub.provider.mobipace.json.AuthorizeResponse;
import com.smshub.provider.mobipace.json.MalformedMobipaceJsonException;
import com.smshub.provider.mobipace.json.MessageStatusEntry;
import com.smshub.provider.mobipace.json.MobipaceJson;
import com.smshub.provider.mobipace.json.OutboundMessage;
import com.smshub.provider.mobipace.json.QueryBalanceRequest;
import com.smshub.provider.mobipace.json.QueryMessagesRequest;
import com.smshub.provider.mobipace.json.QueryMessagesResponse;
import com.smshub.provider.mobipace.json.SendRequest;
import com.smshub.provider.mobipace.json.SendResponse;

/**
 * MOBIPACE's HTTP API 3.0 as its partners see it, below {@code /smshub-simulator/mobipace/v3}: JSON POSTed to
 * authorize, Send, Calculate, QueryMessages and QueryBalance. A session expires after 60 s without a request
 * (103); wrong credentials are answered 200 and, after {@code mistakesAllowed} of them, every authorisation 201
 * (UserLocked) until reset; the account takes one request at a time (a second one meanwhile meets 104); at most 20,000 messages a
 * request (301), 500 characters a message and 15 digits a number (message statuses 6 and 5). QueryBalance
 * answers as the document's own example does, numbers as strings and one key wrapped in spaces.
 * {@link MobipaceLedger}'s switches make it misbehave.
 */
@WebServlet(urlPatterns = "/mobipace/v3/*")
public class MobipaceSimulator extends HttpServlet {

    private static final DateTimeFormatter SCHEDULED_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final MobipaceJson json = new MobipaceJson();
    /** Limitation 1: one request at a time for the account. */
    private final AtomicBoolean busy = new AtomicBoolean();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        MobipaceLedger.SWITCHES.count("requests");
        String body;
        try (InputStream in = request.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!busy.compareAndSet(false, true)) {
            MobipaceLedger.SWITCHES.count("refusedConcurrent");
            reply(response, status(104, "AccessDenied"));
            return;
        }
        try {
            long slow = MobipaceLedger.SWITCHES.number("slowMillis");
            if (slow > 0) {
                sleep(slow);
            }
            reply(response, answer(method, body));
        } catch (MalformedMobipaceJsonException e) {
            reply(response, status(102, "IncorrectParameter"));
        } finally {
            busy.set(false);
        }
    }

    private String answer(String method, String body) {
        if (method.equalsIgnoreCase("authorize")) {
            AuthorizeRequest login = json.read(body, AuthorizeRequest.class);
            if (MobipaceLedger.SWITCHES.counted("authorizeRefused") >= MobipaceLedger.SWITCHES.number("mistakesAllowed")) {
                MobipaceLedger.SWITCHES.count("authorizeLocked");
                return json.write(new AuthorizeResponse(201, "UserLocked", null));
            }
            if (!MobipaceLedger.SWITCHES.get("username").equals(login.username())
                    || !MobipaceLedger.SWITCHES.get("password").equals(login.password())) {
                MobipaceLedger.SWITCHES.count("authorizeRefused");
                return json.write(new AuthorizeResponse(200, "IncorrectUserNameOrPassword", null));
            }
            String session = UUID.randomUUID().toString();
            MobipaceLedger.SESSIONS.put(session, System.currentTimeMillis());
            MobipaceLedger.SWITCHES.count("sessions");
            return json.write(new AuthorizeResponse(101, "Success", session));
        }
        String session = sessionOf(method, body);
        if (session == null || expired(session)) {
            return status(103, "SessionExpired");
        }
        MobipaceLedger.SESSIONS.put(session, System.currentTimeMillis());
        return switch (method) {
            case "Send" -> send(json.read(body, SendRequest.class), true);
            case "Calculate" -> send(json.read(body, SendRequest.class), false);
            case "QueryMessages" -> query(json.read(body, QueryMessagesRequest.class));
            case "QueryBalance" -> "{\"StatusCode\": 101, \"Status\": \"Success\", \"Balance\": \""
                    + MobipaceLedger.SWITCHES.get("balance") + "\", \"BalanceNegativeLimit\": \""
                    + MobipaceLedger.SWITCHES.get("creditLimit") + "\", \" AvailableFund \": \""
                    + MobipaceLedger.SWITCHES.get("available") + "\"}";
            default -> status(102, "IncorrectParameter");
        };
    }

    private String sessionOf(String method, String body) {
        return switch (method) {
            case "Send", "Calculate" -> json.read(body, SendRequest.class).sessionId();
            case "QueryMessages" -> json.read(body, QueryMessagesRequest.class).sessionId();
            case "QueryBalance" -> json.read(body, QueryBalanceRequest.class).sessionId();
            default -> null;
        };
    }

    /** ScheduledDate ("2019-07-25 18:20") in the simulator's {@code timeZone}, as epoch milliseconds; none: 0. */
    private static long scheduled(String scheduledDate) {
        if (scheduledDate == null || scheduledDate.isBlank()) {
            return 0;
        }
        return LocalDateTime.parse(scheduledDate.strip(), SCHEDULED_DATE)
                .atZone(ZoneId.of(MobipaceLedger.SWITCHES.get("timeZone"))).toInstant().toEpochMilli();
    }

    private static boolean expired(String session) {
        if (MobipaceLedger.SWITCHES.failureNow("expireSessions").equals("true")) {
            MobipaceLedger.SESSIONS.remove(session);
            return true;
        }
        Long last = MobipaceLedger.SESSIONS.get(session.strip());
        return last == null || System.currentTimeMillis() - last > MobipaceLedger.SWITCHES.number("sessionIdleMillis");
    }

    private String send(SendRequest request, boolean live) {
        List<OutboundMessage> messages = request.messages() == null ? List.of() : request.messages();
        if (messages.size() > SendRequest.MAX_MESSAGES) {
            return status(301, "MessageCountOverflow");
        }
        if (request.sender() == null || request.sender().isBlank()) {
            return status(102, "IncorrectParameter");
        }
        int code = live ? Integer.parseInt(MobipaceLedger.SWITCHES.failureNow("sendStatus")) : 101;
        if (code != 101) {
            return status(code, "Simulated");
        }
        long start;
        try {
            start = scheduled(request.scheduledDate());
        } catch (DateTimeParseException e) {
            return status(102, "IncorrectParameter"); // ScheduledDate is "yyyy-mm-dd hh:mm", as the example writes it
        }
        int within = request.sendWithinHours() == null ? 0 : request.sendWithinHours();
        if (within < 0 || within > 23) {
            return status(102, "IncorrectParameter"); // SendWithinHours: "allowed values 0-23"
        }
        if (live && start > System.currentTimeMillis()) {
            MobipaceLedger.SWITCHES.count("scheduled");
        }
        int parts = 0;
        for (int i = 0; i < messages.size(); i++) {
            OutboundMessage message = messages.get(i);
            parts += message.body() == null ? 1 : Math.max(1, (message.body().length() + 69) / 70);
            if (live) {
                // limitations 2 and 3: a number of more than 15 digits, a text of more than 500 characters
                int refused = message.recipient() == null || !message.recipient().matches("[0-9]{1,15}") ? 5
                        : message.body() == null || message.body().length() > 500 ? 6 : 0;
                // sent from its ScheduledDate (or now), spread evenly over SendWithinHours
                long sendAt = Math.max(start, System.currentTimeMillis()) + within * 3_600_000L * i / messages.size();
                MobipaceLedger.take(message.reference(), refused, sendAt);
                if (message.recipient() != null) {
                    java.util.Map<String, String> received = new java.util.HashMap<>();
                    received.put("sender", String.valueOf(request.sender()));
                    received.put("body", String.valueOf(message.body()));
                    received.put("reference", String.valueOf(message.reference()));
                    received.put("scheduledDate", String.valueOf(request.scheduledDate()));
                    received.put("sendWithinHours", String.valueOf(request.sendWithinHours()));
                    received.put("isWapPush", String.valueOf(request.isWapPush()));
                    received.put("sendAt", java.time.Instant.ofEpochMilli(sendAt).toString());
                    MobipaceLedger.SWITCHES.received(message.recipient(), received);
                }
            }
        }
        if (live) {
            MobipaceLedger.SWITCHES.count("sendRequests");
            MobipaceLedger.SWITCHES.add("messages", messages.size());
        }
        BigDecimal price = new BigDecimal(MobipaceLedger.SWITCHES.get("price"));
        return json.write(new SendResponse(101, "Success", messages.size(), parts, price,
                price.multiply(BigDecimal.valueOf(messages.size()))));
    }

    private String query(QueryMessagesRequest request) {
        List<MessageStatusEntry> statuses = new ArrayList<>();
        for (String reference : request.references() == null ? List.<String>of() : request.references()) {
            MobipaceLedger.Message message = MobipaceLedger.find(reference);
            if (message != null) {
                int code = message.status();
                statuses.add(new MessageStatusEntry(reference, code, name(code)));
            }
        }
        MobipaceLedger.SWITCHES.count("queries");
        return json.write(new QueryMessagesResponse(101, "Success", statuses));
    }

    private static String name(int code) {
        return switch (code) {
            case 1 -> "Pending";
            case 2 -> "Scheduled";
            case 3 -> "Sent";
            case 4 -> "OutOfBalance";
            case 5 -> "InvalidMobile";
            case 6 -> "InvalidBody";
            case 7 -> "InvalidSender";
            case 8 -> "InvalidRoute";
            case 9 -> "BlockedMobile";
            case 100 -> "Delivered";
            case 101 -> "Undeliverable";
            case 102 -> "ACK expired";
            case 103 -> "Rejected";
            case 104 -> "TimeOut";
            default -> "Unknown";
        };
    }

    private String status(int code, String status) {
        return json.write(new SendResponse(code, status, null, null, null, null));
    }

    private static void reply(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

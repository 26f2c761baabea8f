package com.smshub.simulator.smspro;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test control of the SMS Pro simulator, outside SMS Pro's own protocol. {@code POST /smspro/control} with
 * any of: {@code reset=true} (defaults, and forget what was sent), {@code alive=false},
 * {@code sendFailure=NONE|HTTP_500|HTTP_503|HTTP_502|HTTP_401|STATUS_MINUS_2|SLOW|RESET} with {@code failures=N} (how many requests;
 * all when absent), {@code slowMillis}, {@code deliveryDelayMillis}, {@code outcome=DELIVERED|FAILED|NONE},
 * {@code duplicateReports=true}, {@code reportBeforeAnswer=true}, {@code outOfOrderReports=true} (a stale
 * intermediate report after the final one), {@code pushReports=false} (record
 * the outcome for status requests without pushing it). {@code GET} shows the settings and the
 * counters (accepted requests, recipients, duplicates by request_id, every MT request received, reports pushed,
 * keep-alive requests) and the last delivery address given, one per line. Billing Pro and MTB billing:
 * {@code billing}, {@code billingCode}, {@code billingDelayMillis}, {@code premiumBilling} (see SmsProBilling), with
 * the counters billingRequests, debits, credits, billingDeclined, chargedTwice (request ids charged more than
 * once), premiumResults; {@code GET ?to=<msisdn>} adds messageOctets (hex of the last {@code <message>} sent
 * to it, as on the wire), balanceOre and billingSubIds (sub_id_1/sub_id_2 of its last billing request, - when absent); {@code ?requestId=} adds how often that request id was charged.
 */
@WebServlet(urlPatterns = "/smspro/control")
public class SmsProSimulatorControl extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("true".equals(request.getParameter("reset"))) {
            SmsProBehaviour.reset();
            SmsProLedger.clear();
            SmsProReporter.PUSHED.set(0);
            SmsProBilling.reset();
        }
        String value;
        if ((value = request.getParameter("alive")) != null) {
            SmsProBehaviour.alive = Boolean.parseBoolean(value);
        }
        if ((value = request.getParameter("sendFailure")) != null) {
            SmsProBehaviour.sendFailure = SmsProBehaviour.SendFailure.valueOf(value);
            String failures = request.getParameter("failures");
            SmsProBehaviour.failuresLeft.set(failures == null ? -1 : Long.parseLong(failures));
        }
        if ((value = request.getParameter("slowMillis")) != null) {
            SmsProBehaviour.slowMillis = Long.parseLong(value);
        }
        if ((value = request.getParameter("deliveryDelayMillis")) != null) {
            SmsProBehaviour.deliveryDelayMillis = Long.parseLong(value);
        }
        if ((value = request.getParameter("outcome")) != null) {
            SmsProBehaviour.outcome = SmsProBehaviour.Outcome.valueOf(value);
        }
        if ((value = request.getParameter("duplicateReports")) != null) {
            SmsProBehaviour.duplicateReports = Boolean.parseBoolean(value);
        }
        if ((value = request.getParameter("pushReports")) != null) {
            SmsProBehaviour.pushReports = Boolean.parseBoolean(value);
        }
        if ((value = request.getParameter("reportBeforeAnswer")) != null) {
            SmsProBehaviour.reportBeforeAnswer = Boolean.parseBoolean(value);
        }
        if ((value = request.getParameter("billing")) != null) {
            SmsProBilling.behaviour = SmsProBilling.Behaviour.valueOf(value);
        }
        if ((value = request.getParameter("billingCode")) != null) {
            SmsProBilling.declineCode = Integer.parseInt(value);
        }
        if ((value = request.getParameter("billingDelayMillis")) != null) {
            SmsProBilling.delayMillis = Long.parseLong(value);
        }
        if ((value = request.getParameter("premiumBilling")) != null) {
            SmsProBilling.premium = SmsProBilling.Premium.valueOf(value);
        }
        if ((value = request.getParameter("moUrl")) != null) {
            SmsProBehaviour.moUrl = value;
        }
        if ((value = request.getParameter("billingUrl")) != null) {
            SmsProBehaviour.billingUrl = value;
        }
        if ((value = request.getParameter("outOfOrderReports")) != null) {
            SmsProBehaviour.outOfOrderReports = Boolean.parseBoolean(value);
        }
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> state = new TreeMap<>(SmsProBehaviour.describe());
        state.put("accepted", SmsProLedger.ACCEPTED.get());
        state.put("recipients", SmsProLedger.RECIPIENTS.get());
        state.put("duplicates", SmsProLedger.DUPLICATES.get());
        state.put("reportsPushed", SmsProReporter.PUSHED.get());
        state.put("aliveChecks", SmsProLedger.ALIVE_CHECKS.get());
        state.put("requests", SmsProLedger.REQUESTS.get());
        state.put("unauthorised", SmsProLedger.UNAUTHORISED.get());
        state.put("withoutAuthorization", SmsProLedger.WITHOUT_AUTHORIZATION.get());
        state.put("scheduled", SmsProLedger.SCHEDULED.get());
        state.put("expired", SmsProLedger.EXPIRED.get());
        state.put("wrongPassword", SmsProLedger.WRONG_PASSWORD.get());
        state.put("lastDeliveryUrl", SmsProLedger.lastDeliveryUrl);
        state.put("billing", SmsProBilling.behaviour);
        state.put("billingCode", SmsProBilling.declineCode);
        state.put("billingDelayMillis", SmsProBilling.delayMillis);
        state.put("premiumBilling", SmsProBilling.premium);
        state.put("billingRequests", SmsProBilling.REQUESTS.get());
        state.put("debits", SmsProBilling.DEBITS.get());
        state.put("credits", SmsProBilling.CREDITS.get());
        state.put("billingDeclined", SmsProBilling.DECLINED.get());
        state.put("chargedTwice", SmsProBilling.chargedTwice());
        state.put("premiumResults", SmsProBilling.PREMIUM_RESULTS.get());
        state.put("moPushed", SmsProMoServlet.PUSHED.get());
        String to = request.getParameter("to");
        if (to != null) {
            // what the last message to this recipient was on the wire, and what it was charged
            state.put("messageOctets", SmsProLedger.messageOctets(to));
            state.put("messagesTo", SmsProLedger.messagesTo(to));
            state.put("balanceOre", SmsProBilling.balance(to));
            state.put("billingSubIds", SmsProBilling.subIds(to));
            SmsProLedger.received(to).forEach((name, value) -> state.put("received." + name, value));
        }
        String requestId = request.getParameter("requestId");
        if (requestId != null) {
            state.put("charges", SmsProBilling.charges(requestId));
        }
        response.setContentType("text/plain; charset=UTF-8");
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            response.getWriter().println(entry.getKey() + "=" + entry.getValue());
        }
    }
}

package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.SmsGateway;

/**
 * Tenants and operators administered over /smshub/admin/tenants: created with a secret shown once, which opens the
 * contract; disabled, which stops them within a second although the realm still holds their credentials (a minute);
 * a new secret issued; every write in the audit trail with the state before and after, and no secret in it.
 */
@RunAsClient
class TenantAdministrationEndToEndIT extends DeployedGateway {

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    private static HttpResponse<String> put(String username, String json) throws Exception {
        return Operator.call("PUT", "tenants/" + username, json);
    }

    /** A call of the contract that reads the caller's tenant: a message to a Swedish number. */
    private static void send(SmsGateway gateway) throws GatewayFault {
        gateway.sendSms(Requests.text("Hej", "+46701" + String.format("%06d", (int) (Math.random() * 1_000_000))));
    }

    @Test
    void aTenantCreatedWithASecretShownOnceCallsTheContractAndIsStoppedWithinASecondWhenDisabled() throws Exception {
        String username = unique("t-");
        HttpResponse<String> created = put(username, "{\"displayName\":\"Test \\\"quoted\\\" AB\",\"defaultRegion\":\"se\"}");
        assertEquals(201, created.statusCode(), created.body());
        String secret = member(created.body(), "secret");
        assertTrue(secret.length() >= 32, "a generated secret: " + secret);
        HttpResponse<String> listed = Operator.call("GET", "tenants", null);
        assertTrue(listed.body().contains("\"" + username + "\""), listed.body());
        assertFalse(listed.body().contains(secret), "the secret is shown once, never listed");

        SmsGateway tenant = Gateway.as(username, secret);
        send(tenant); // opens the contract (and the realm caches the credentials)

        assertEquals(200, put(username, "{\"enabled\":false}").statusCode());
        long disabledAt = System.nanoTime();
        GatewayFault refused = Await.until(Duration.ofSeconds(5), () -> {
            try {
                send(tenant);
                return null;
            } catch (GatewayFault e) {
                return e;
            }
        }, fault -> fault != null);
        assertEquals(FaultCode.AUTHORIZATION, refused.getFaultInfo().getCode(), refused.getFaultInfo().getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - disabledAt).toMillis() < 2500,
                "stopped within a second or so, not the realm cache's minute");

        assertEquals(200, put(username, "{\"enabled\":true}").statusCode());
        Await.until(Duration.ofSeconds(5), () -> {
            try {
                send(tenant);
                return true;
            } catch (GatewayFault e) {
                return false;
            }
        }, ok -> ok);

        HttpResponse<String> audit = Operator.call("GET", "audit?subject=tenant/" + username, null);
        assertEquals(200, audit.statusCode(), audit.body());
        String body = audit.body();
        assertTrue(body.indexOf("\"tenant.enable\"") < body.indexOf("\"tenant.disable\"")
                && body.indexOf("\"tenant.disable\"") < body.indexOf("\"tenant.create\"") && body.indexOf("\"tenant.enable\"") >= 0,
                "create, disable, enable, newest first: " + body);
        assertTrue(body.contains("\"operator\":\"operator\""), "who: " + body);
        assertTrue(body.contains("\\\"enabled\\\":true") && body.contains("\\\"enabled\\\":false"), "before and after: " + body);
        assertFalse(body.contains(secret), "no secret in the audit");
    }

    @Test
    void aNewSecretOpensTheContract() throws Exception {
        String username = unique("t-");
        assertEquals(201, put(username, "{}").statusCode());
        HttpResponse<String> issued = Operator.call("POST", "tenants/" + username + "/secret", null);
        assertEquals(200, issued.statusCode(), issued.body());
        send(Gateway.as(username, member(issued.body(), "secret")));
        assertEquals(404, Operator.call("POST", "tenants/nobody-" + username + "/secret", null).statusCode());
    }

    @Test
    void anOperatorCreatedOverTheApiAdministersAndIsStoppedAtOnceWhenDisabled() throws Exception {
        String username = unique("op-");
        HttpResponse<String> created = put(username, "{\"role\":\"operator\",\"displayName\":\"Night shift\"}");
        assertEquals(201, created.statusCode(), created.body());
        String password = member(created.body(), "secret");
        assertEquals(200, Operator.call("GET", "tenants", null, username, password).statusCode());

        assertEquals(200, put(username, "{\"enabled\":false}").statusCode());
        HttpResponse<String> refused = Operator.call("GET", "tenants", null, username, password);
        assertTrue(refused.statusCode() == 403 || refused.statusCode() == 401, "stopped at once: " + refused.statusCode());

        HttpResponse<String> himself = Operator.call("PUT", "tenants/operator", "{\"enabled\":false}");
        assertEquals(400, himself.statusCode(), "an operator does not disable himself: " + himself.body());
    }

    @Test
    void whatIsNoTenantIsRefusedWithTheRuleInWords() throws Exception {
        assertEquals(400, put("Not_A_Name", "{}").statusCode());
        assertEquals(400, put(unique("t-"), "{\"role\":\"admin\"}").statusCode());
        assertEquals(400, put(unique("t-"), "{\"defaultRegion\":\"XX\"}").statusCode());
        HttpResponse<String> roleChanged = put("demo", "{\"role\":\"operator\"}");
        assertEquals(400, roleChanged.statusCode());
        assertTrue(roleChanged.body().contains("does not change"), roleChanged.body());
    }
}

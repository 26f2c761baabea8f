package com.smshub.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import com.smshub.gateway.v1.RecipientResult;

/** Operators keep a tenant's opt-out list at /smshub/admin; a recipient on it is rejected with its reason. */
@RunAsClient
class OptOutEndToEndIT extends DeployedGateway {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int admin(String method, String number, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.BASE + "/smshub/admin/tenants/demo/opt-outs/"
                + number)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        request.method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("asked by phone")
                : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void optedOutRecipientIsRejectedUntilRemoved() throws Exception {
        String number = Requests.uniqueRecipient();
        assertEquals(404, admin("GET", number, "operator", "operator-password"));
        assertEquals(204, admin("PUT", number, "operator", "operator-password"));
        assertEquals(200, admin("GET", number, "operator", "operator-password"));

        RecipientResult refused = Gateway.demo().sendSms(Requests.text("Offer", number)).getResult().get(0);
        assertFalse(refused.isAccepted());
        assertEquals("OPTED_OUT", refused.getReasonCode());

        assertEquals(204, admin("DELETE", number, "operator", "operator-password"));
        assertTrue(Gateway.demo().sendSms(Requests.text("Welcome back", number)).getResult().get(0).isAccepted());
    }

    @Test
    void onlyOperatorsAdminister() throws Exception {
        String number = Requests.uniqueRecipient();
        assertEquals(403, admin("PUT", number, Gateway.DEMO_TENANT, Gateway.DEMO_PASSWORD), "a tenant is not an operator");
        assertEquals(401, admin("PUT", number, "operator", "wrong"));
        assertEquals(400, admin("PUT", "not-a-number", "operator", "operator-password"));
    }
}

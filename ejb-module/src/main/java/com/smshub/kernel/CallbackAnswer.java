package com.smshub.kernel;

import java.nio.charset.Charset;

/**
 * What the gateway answers a provider's callback with: an HTTP status and, where the provider's protocol
 * wants one, a body (SMS Pro's {@code mobilectrl_received_sms_response}, section 8.3). A reason goes in
 * the status line of an error, for the provider's operators.
 */
public record CallbackAnswer(int status, String reason, String contentType, byte[] body) {

    public static CallbackAnswer ok() {
        return new CallbackAnswer(200, null, null, new byte[0]);
    }

    public static CallbackAnswer ok(String contentType, String body, Charset charset) {
        return new CallbackAnswer(200, null, contentType, body.getBytes(charset));
    }

    /** 400: the request is not what the protocol says; the provider's operators should look at it. */
    public static CallbackAnswer badRequest(String reason) {
        return new CallbackAnswer(400, reason, null, new byte[0]);
    }

    /** 403: the request does not carry what authenticates it. */
    public static CallbackAnswer forbidden(String reason) {
        return new CallbackAnswer(403, reason, null, new byte[0]);
    }

    /** 503: not taken now (it names what is not known yet); the provider sends it again later. */
    public static CallbackAnswer retryLater(String reason) {
        return new CallbackAnswer(503, reason, null, new byte[0]);
    }

    /**
     * A push refused before it was read (401, 403 or 404): no reason goes back, so that whoever probes the
     * door learns nothing of why; a 401 names the scheme the provider must use.
     */
    public static CallbackAnswer refused(int status) {
        return new CallbackAnswer(status, null, null, new byte[0]);
    }

    /** 404: nothing of this provider answers at that path. */
    public static CallbackAnswer notFound(String reason) {
        return new CallbackAnswer(404, reason, null, new byte[0]);
    }
}

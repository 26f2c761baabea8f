package com.smshub.kernel;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request a provider made to the gateway's callback entry point,
 * {@code /smshub/callbacks/<provider>/<account>/<key>/<path>}, as the provider's adapter reads it. The body is
 * already read (and bounded); the adapter parses it with the hardened parser of its format.
 *
 * @param path          what follows the account's key, starting with '/', or "" for nothing
 * @param parameters    the query parameters
 * @param headers       the request headers, names in lower case
 * @param remoteAddress the address of the connection it came on
 */
public record Callback(String method, String path, Map<String, List<String>> parameters, Map<String, String> headers,
        byte[] body, String remoteAddress) {

    public Callback {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    /** The first value of a parameter, or null. */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The body as text in the given character set. */
    public String text(Charset charset) {
        return new String(body, charset);
    }
}

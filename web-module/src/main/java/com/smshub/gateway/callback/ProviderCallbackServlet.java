package com.smshub.gateway.callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.intake.boundary.ProviderCallbacks;
import com.smshub.intake.entity.PushVerdict;
import com.smshub.kernel.Callback;
import com.smshub.kernel.CallbackAnswer;
import com.smshub.kernel.LogContext;

/**
 * The one address providers push to: {@code /smshub/callbacks/<provider>/<account>/<key>/...} (delivery reports,
 * inbound messages, billing results). The push is authenticated to its account from its address and headers
 * before its body is read ({@link ProviderCallbacks#authenticate}): a refused one gets 401, 403 or 404 and
 * nothing else. An authenticated one is read whole, up to 1 MiB (a larger one is answered 413), and handed to
 * that provider's adapter through {@link ProviderCallbacks#receive}, which answers only once what the push said
 * is committed. A failure to commit is answered 500, so the provider pushes again.
 */
@WebServlet(urlPatterns = "/callbacks/*")
public class ProviderCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProviderCallbackServlet.class.getName());
    static final int MOST_BYTES = 1 << 20;

    @Inject
    ProviderCallbacks callbacks;

    /**
     * The parts of a push address: provider, account, key, and the rest (starting with '/', or ""); what an
     * address lacks is "", and is refused as any wrong part is (and counted).
     */
    record Address(String provider, String account, String key, String rest) {

        static Address of(String pathInfo) {
            String[] parts = (pathInfo == null ? "" : pathInfo).split("/", 5);
            // "", provider, account, key, rest
            return new Address(part(parts, 1), part(parts, 2), part(parts, 3), parts.length == 5 ? "/" + parts[4] : "");
        }

        private static String part(String[] parts, int index) {
            return parts.length > index ? parts[index] : "";
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Address address = Address.of(request.getPathInfo());
        // the log lines of a push name the provider and account its address claims (authenticated or not)
        try (LogContext context = LogContext.of(LogContext.PROVIDER, address.provider().toUpperCase(Locale.ROOT),
                LogContext.ACCOUNT, address.account())) {
            serve(address, request, response);
        }
    }

    private void serve(Address address, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PushVerdict verdict = callbacks.authenticate(address.provider(), address.account(), address.key(),
                request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), request.getHeader("Authorization"));
        if (verdict instanceof PushVerdict.Refused refused) {
            // nothing of it is read: an unauthenticated caller costs the gateway no more than this
            answer(response, CallbackAnswer.refused(refused.status()));
            return;
        }
        if (request.getContentLengthLong() > MOST_BYTES) {
            answer(response, new CallbackAnswer(413, "At most " + MOST_BYTES + " bytes", null, new byte[0]));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MOST_BYTES + 1);
        }
        if (body.length > MOST_BYTES) {
            answer(response, new CallbackAnswer(413, "At most " + MOST_BYTES + " bytes", null, new byte[0]));
            return;
        }
        Callback callback = new Callback(request.getMethod(), address.rest(), parameters(request), headers(request), body,
                request.getRemoteAddr());
        CallbackAnswer answer = callbacks.receive(((PushVerdict.Allowed) verdict).account(), callback);
        if (answer.status() >= 400) {
            LOG.fine(() -> "Callback " + request.getMethod() + " to " + address.provider() + "/" + address.account()
                    + " answered " + answer.status() + ": " + answer.reason());
        }
        answer(response, answer);
    }

    /**
     * The answer: its body where the provider's protocol wants one, else the reason as plain text for the
     * provider's operators; nothing at all for a refused push.
     */
    private static void answer(HttpServletResponse response, CallbackAnswer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.status() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SMS Hub callbacks\", charset=\"UTF-8\"");
        }
        byte[] body = answer.body();
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        } else if (answer.reason() != null) {
            body = (answer.reason() + "\n").getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain; charset=UTF-8");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        // the query string only: a form body is the adapter's to read, from the body it is given whole
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}

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
import com.smshub.provider.spi.Callback;
import com.smshub.provider.spi.CallbackAnswer;

/**
 * The one address providers push to: {@code /smshub/callbacks/<provider>/...} (delivery reports, inbound
 * messages, billing results). The request is read whole, up to 1 MiB (a larger one is answered 413 and not
 * read), and handed to that provider's adapter through {@link ProviderCallbacks}, which answers only once
 * what the push said is committed. A failure to commit is answered 500, so the provider pushes again.
 */
@WebServlet(urlPatterns = "/callbacks/*")
public class ProviderCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProviderCallbackServlet.class.getName());
    static final int MOST_BYTES = 1 << 20;

    @Inject
    ProviderCallbacks callbacks;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        int slash = path.indexOf('/', 1);
        String provider = path.length() < 2 ? "" : slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (provider.isEmpty()) {
            plain(response, CallbackAnswer.notFound("Expected /callbacks/<provider>/..."));
            return;
        }
        if (request.getContentLengthLong() > MOST_BYTES) {
            plain(response, new CallbackAnswer(413, "At most " + MOST_BYTES + " bytes", null, new byte[0]));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MOST_BYTES + 1);
        }
        if (body.length > MOST_BYTES) {
            plain(response, new CallbackAnswer(413, "At most " + MOST_BYTES + " bytes", null, new byte[0]));
            return;
        }
        Callback callback = new Callback(request.getMethod(), slash < 0 ? "" : path.substring(slash), parameters(request),
                headers(request), body);
        CallbackAnswer answer = callbacks.receive(provider, callback);
        if (answer.status() >= 400) {
            // not at INFO: anyone can knock at this door, and a flood of forged reports must not flood the log
            LOG.fine(() -> "Callback " + request.getMethod() + " " + path + " answered " + answer.status() + ": " + answer.reason());
            plain(response, answer);
            return;
        }
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** An error answer, its reason as plain text for the provider's operators. */
    private static void plain(HttpServletResponse response, CallbackAnswer answer) throws IOException {
        byte[] text = ((answer.reason() == null ? "" : answer.reason()) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("text/plain; charset=UTF-8");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
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
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}

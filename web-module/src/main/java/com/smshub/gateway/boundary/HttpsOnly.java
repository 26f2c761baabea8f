package com.smshub.gateway.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import jakarta.servlet.ServletContext;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;

import com.smshub.kernel.Configuration;

/**
 * With {@code smshub.https-only=true}, the SOAP contract (its calls and its WSDL), the admin API and the operator
 * console (whose page takes an operator's password) answer plain HTTP
 * with 403 "HTTPS Required", before authentication, so that no tenant's or operator's credentials are ever taken
 * over a connection anyone on the way can read; a request that reached the gateway through a TLS-terminating proxy
 * counts as HTTPS where the server reads the proxy's headers (docs/security.md). Provider callbacks stay on both:
 * each provider is given its push address by configuration, and a push authenticates itself. An Undertow handler
 * rather than a servlet filter, because filters run after the container has already asked for the credentials.
 */
public class HttpsOnly implements ServletExtension {

    static final String SETTING = "smshub.https-only";
    private static final Logger LOG = Logger.getLogger(HttpsOnly.class.getName());
    private static final byte[] REFUSAL = ("HTTPS required: this gateway takes its SOAP contract and its admin API over HTTPS only ("
            + SETTING + ").\n").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        if (!Configuration.flag(SETTING)) {
            return;
        }
        LOG.info(() -> "The SOAP contract and the admin API answer HTTPS only (" + SETTING + ")");
        deployment.addInitialHandlerChainWrapper(next -> new Refusal(next));
    }

    /** Whether a request to this path (within the web application) must come over HTTPS. */
    static boolean guarded(String path) {
        return path.equals("/SmsGateway") || path.startsWith("/SmsGateway/") || path.equals("/admin") || path.startsWith("/admin/")
                || path.equals("/console") || path.startsWith("/console/");
    }

    private record Refusal(HttpHandler next) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isSecure() || !guarded(exchange.getRelativePath())) {
                next.handleRequest(exchange);
                return;
            }
            exchange.setStatusCode(403);
            exchange.setReasonPhrase("HTTPS Required");
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
            exchange.getResponseSender().send(ByteBuffer.wrap(REFUSAL));
        }
    }
}

package com.smshub.simulator.smsc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The SMSC simulator in a JVM of its own, for the benchmark: the gateway's CPU is then measured apart from the
 * SMSC's, and another ESME (Kannel's bearerbox) binds to the very SMSC the gateway binds to.
 * {@code java -cp <simulator classes and jSMPP> com.smshub.simulator.smsc.StandaloneSmsc} listens for SMPP on
 * {@code smshub.simulator.smpp-port} (2775) and answers its switches and counters, as
 * {@code /smshub-simulator/smsc/control} does, on {@code http://127.0.0.1:<smshub.simulator.smsc.control-port>/smsc/control}
 * (2776): GET reads them, POST with a query string sets them ({@code reset=true} first). Its journal goes to
 * {@code jboss.server.data.dir} (the temporary directory when unset). Runs until killed. Never part of a deployment.
 */
public final class StandaloneSmsc {

    private StandaloneSmsc() {
    }

    public static void main(String[] args) throws Exception {
        SmscSimulator smsc = new SmscSimulator();
        smsc.contextInitialized(null);
        int port = Integer.getInteger("smshub.simulator.smsc.control-port", 2776);
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        control.createContext("/smsc/control", StandaloneSmsc::control);
        control.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.stop(0);
            smsc.contextDestroyed(null);
        }));
        new CountDownLatch(1).await();
    }

    private static void control(HttpExchange exchange) throws IOException {
        int status = 200;
        StringBuilder answer = new StringBuilder();
        try {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> asked = new LinkedHashMap<>();
            if ("POST".equals(exchange.getRequestMethod()) && query != null) {
                for (String pair : query.split("&")) {
                    int at = pair.indexOf('=');
                    asked.put(URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8),
                            at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
                }
                SmscSimulator.SWITCHES.apply(asked);
            }
            answer.append(SmscSimulator.SWITCHES.describe(null));
        } catch (IllegalArgumentException e) {
            status = 400;
            answer.append(e.getMessage()).append('\n');
        }
        byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

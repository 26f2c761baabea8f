package com.smshub.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** The SMS Pro simulator's control endpoint, outside SMS Pro's own protocol. */
final class Simulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Simulator() {
    }

    /** Changes the simulator's behaviour, e.g. {@code set("sendFailure=HTTP_500&failures=2")}. */
    static Map<String, String> set(String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(Gateway.SIMULATOR + "/smspro/control?" + query)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Current settings and counters. */
    static Map<String, String> state() {
        return set("");
    }

    static long counter(String name) {
        return Long.parseLong(state().get(name));
    }

    /**
     * The counter once it has not moved for a second: what earlier tests sent is dispatched asynchronously
     * and may still be arriving (within about 200 ms of its acceptance).
     */
    static long settledCounter(String name) {
        long last = counter(name);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            long now = counter(name);
            if (now == last) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException(name + " kept moving for 30 s");
    }

    static void reset() {
        set("reset=true");
    }

    /** A control endpoint's answer (any simulator's): one {@code name=value} a line. */
    static Map<String, String> parse(String body) {
        Map<String, String> values = new HashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return values;
    }
}

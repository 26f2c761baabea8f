package com.smshub.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The control address of a simulator that keeps switches, outside its provider's own protocol:
 * {@code /smshub-simulator/<provider>/control}. The constants are the demo's simulators; a provider added later
 * names its own ({@code new ProviderSimulator("<its address>")}) in its tests, without changing this class.
 */
final class ProviderSimulator {

    static final ProviderSimulator MYMOBILEAPI = new ProviderSimulator("mymobileapi");
    static final ProviderSimulator MASIV = new ProviderSimulator("masiv");
    static final ProviderSimulator MOBIPACE = new ProviderSimulator("mobipace");
    /** The SMSC simulator (SMPP 3.4) that the demo's myMSP account binds to. */
    static final ProviderSimulator SMSC = new ProviderSimulator("smsc");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String provider;

    ProviderSimulator(String provider) {
        this.provider = provider;
    }

    /** Sets switches, e.g. {@code set("sendStatus=300&slowMillis=500")}, values as written; answers the state after. */
    Map<String, String> set(String query) {
        return post("control", query);
    }

    /**
     * The SMSC simulator sends a message from a subscriber, e.g. {@code mo("from=4791234567&text=STOP")}
     * ({@code coding}, {@code concatenation}, {@code partSize} as SmscMoServlet says); answers {@code taken}.
     */
    Map<String, String> mo(String query) {
        return post("mo", query);
    }

    /** Posts the form to one of the simulator's addresses; its {@code name=value} lines. */
    private Map<String, String> post(String address, String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Gateway.SIMULATOR + "/" + provider + "/" + address))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(query))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(provider + " " + address + " answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, String> values = new HashMap<>();
            for (String line : response.body().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The switches as a form, each value encoded: they may hold spaces ("numto invalid"). */
    private static String form(String query) {
        StringJoiner form = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.add(pair.substring(0, eq) + "=" + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form.toString();
    }

    Map<String, String> state() {
        return set("");
    }

    /** The last request to this recipient as the simulator read it off the wire: {@code received.<field>} values. */
    Map<String, String> received(String recipient) {
        return set("to=" + recipient);
    }

    /** A counter; 0 before anything was counted. */
    long counter(String name) {
        return Long.parseLong(state().getOrDefault(name, "0"));
    }

    void reset() {
        set("reset=true");
    }
}

package com.smshub.simulator;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.simulator.masiv.MasivLedger;
import com.smshub.simulator.mobipace.MobipaceLedger;
import com.smshub.simulator.mymobileapi.MyMobileApiLedger;
import com.smshub.simulator.smsc.SmscSimulator;

/**
 * The control address of the simulators that keep {@link Switches}: {@code POST /<provider>/control?name=value...}
 * sets switches ({@code reset=true} first brings back the defaults and zeroes the counters), and GET or POST
 * answers every switch and counter, one {@code name=value} a line; with {@code to=<recipient>} also the fields of the
 * last request to that recipient as the simulator decoded them ({@code received.<field>}). Outside any provider's
 * own protocol.
 */
@WebServlet(urlPatterns = {"/mymobileapi/control", "/masiv/control", "/mobipace/control", "/smsc/control"})
public class SimulatorControl extends HttpServlet {

    private static final Map<String, Switches> SIMULATORS = Map.of(
            "mymobileapi", MyMobileApiLedger.SWITCHES,
            "masiv", MasivLedger.SWITCHES,
            "mobipace", MobipaceLedger.SWITCHES,
            "smsc", SmscSimulator.SWITCHES);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Switches switches = switches(request);
        if ("true".equals(request.getParameter("reset"))) {
            switches.reset();
        }
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (!parameter.getKey().equals("reset") && !parameter.getKey().equals("to")) {
                    switches.set(parameter.getKey(), parameter.getValue()[0]);
                }
            }
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; charset=UTF-8");
        Map<String, Object> state = new TreeMap<>(switches(request).state());
        String to = request.getParameter("to");
        if (to != null) {
            state.putAll(switches(request).receivedBy(to));
        }
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            response.getWriter().println(entry.getKey() + "=" + entry.getValue());
        }
    }

    private static String provider(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.substring(1, path.indexOf('/', 1));
    }

    private static Switches switches(HttpServletRequest request) {
        return SIMULATORS.get(provider(request));
    }
}

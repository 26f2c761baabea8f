package com.smshub.simulator;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The control address of a simulator that keeps {@link Switches}: {@code POST /<provider>/control?name=value...}
 * sets switches ({@code reset=true} first brings back the defaults and zeroes the counters), and GET or POST
 * answers every switch and counter, one {@code name=value} a line; with {@code to=<recipient>} also the fields of the
 * last request to that recipient as the simulator decoded them ({@code received.<field>}). Outside any provider's
 * own protocol. Each simulator's package publishes its own at its address (a subclass with {@code @WebServlet}), so
 * nothing here lists the simulators.
 */
public abstract class SimulatorControl extends HttpServlet {

    private final transient Switches switches;

    protected SimulatorControl(Switches switches) {
        this.switches = switches;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
        Map<String, Object> state = new TreeMap<>(switches.state());
        String to = request.getParameter("to");
        if (to != null) {
            state.putAll(switches.receivedBy(to));
        }
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            response.getWriter().println(entry.getKey() + "=" + entry.getValue());
        }
    }
}

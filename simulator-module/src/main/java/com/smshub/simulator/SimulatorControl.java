package com.smshub.simulator;

import java.io.IOException;
import java.util.Map;
import java.util.LinkedHashMap;

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
        Map<String, String> asked = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> asked.put(name, values[0]));
        try {
            switches.apply(asked);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().print(switches.describe(request.getParameter("to")));
    }
}

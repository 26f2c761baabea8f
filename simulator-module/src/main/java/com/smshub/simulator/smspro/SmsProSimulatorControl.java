package com.smshub.simulator.smspro;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test control of the SMS Pro simulator, outside SMS Pro's own protocol:
 * {@code POST /smspro/control?alive=false} makes the keep-alive answer HTTP 503 until
 * {@code ?alive=true}; {@code GET} shows the current settings.
 */
@WebServlet(urlPatterns = "/smspro/control")
public class SmsProSimulatorControl extends HttpServlet {

    private static volatile boolean alive = true;

    static boolean alive() {
        return alive;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String value = request.getParameter("alive");
        if (value != null) {
            alive = Boolean.parseBoolean(value);
        }
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().println("alive=" + alive);
    }
}

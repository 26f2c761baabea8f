package com.smshub.provider.sixth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sixth provider's simulator: refuses a request without its credentials (401) or without a recipient or text
 * (400), takes the rest with an id of its own, and keeps what it took for the test to read.
 */
@WebServlet("/sixth/send")
public class SixthSimulator extends HttpServlet {

    static final String USER = "sixth-user";
    static final String PASSWORD = "sixth-password";
    static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown credentials");
            return;
        }
        request.setCharacterEncoding("UTF-8");
        String to = request.getParameter("to");
        String text = request.getParameter("text");
        if (to == null || text == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().print("to and text are required");
            return;
        }
        String id = "S6-" + IDS.incrementAndGet();
        RECEIVED.add(Map.of("to", to, "text", text, "ref", String.valueOf(request.getParameter("ref")), "id", id));
        response.setContentType("text/plain");
        response.getWriter().print(id);
    }
}

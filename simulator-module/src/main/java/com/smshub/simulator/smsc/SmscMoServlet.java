package com.smshub.simulator.smsc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jsmpp.bean.Alphabet;

import com.smshub.simulator.GsmSeptets;

/**
 * {@code POST /smshub-simulator/smsc/mo?from=4791234567&to=2020&text=...}: the SMSC delivers a message from a
 * subscriber to the gateway in deliver_sm. {@code coding} is {@code gsm} (the default: septets, data_coding 0),
 * {@code latin1} (3) or {@code ucs2} (8); {@code concatenation} is {@code none} (one deliver_sm, the default),
 * {@code udh} or {@code sar} (parts of {@code partSize} octets, 153 by default). Answers {@code taken=n}, the
 * parts the gateway acknowledged; 503 when no session that receives is bound.
 */
@WebServlet("/smsc/mo")
public class SmscMoServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String text = request.getParameter("text");
        String from = request.getParameter("from");
        if (text == null || from == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from and text are required");
            return;
        }
        String coding = parameter(request, "coding", "gsm");
        byte[] octets;
        Alphabet alphabet;
        switch (coding) {
            case "latin1" -> {
                octets = text.getBytes(StandardCharsets.ISO_8859_1);
                alphabet = Alphabet.ALPHA_LATIN1;
            }
            case "ucs2" -> {
                octets = text.getBytes(StandardCharsets.UTF_16BE);
                alphabet = Alphabet.ALPHA_UCS2;
            }
            default -> {
                try {
                    octets = GsmSeptets.encode(text);
                } catch (IllegalArgumentException e) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
                    return;
                }
                alphabet = Alphabet.ALPHA_DEFAULT;
            }
        }
        int taken;
        try {
            taken = SmscSimulator.mobileOriginated(from, parameter(request, "to", "2020"), octets, alphabet.value(),
                    parameter(request, "concatenation", "none"), Integer.parseInt(parameter(request, "partSize", "153")));
        } catch (IOException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().println("taken=" + taken);
    }

    private static String parameter(HttpServletRequest request, String name, String otherwise) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}

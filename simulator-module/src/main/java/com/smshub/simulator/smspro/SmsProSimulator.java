package com.smshub.simulator.smspro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.smspro.xml.MobilectrlAliveCheck;
import com.smshub.provider.smspro.xml.MobilectrlAliveRequest;
import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.provider.xml.ProviderVocabulary;
import com.smshub.provider.xml.ProviderXml;

/**
 * SMS Pro 3.3.1 as its customers see it: {@code POST /smspro/services/{customer}/{operation}} with HTTP Basic
 * authentication (Appendix 1) and ISO-8859-1 XML bodies. Serves the keep-alive of section 11.
 *
 * <p>Its one customer is {@code CUSTOMER} / {@code xxxxxxxx}, as in the specification's examples, unless
 * the system properties {@code smshub.simulator.smspro.customer} and {@code ...password} say otherwise.
 * {@link SmsProSimulatorControl} makes it misbehave.
 */
@WebServlet(urlPatterns = "/smspro/services/*")
public class SmsProSimulator extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SmsProSimulator.class.getName());
    private static final Charset WIRE = StandardCharsets.ISO_8859_1;

    private final ProviderXml xml = ProviderXml.of(ProviderVocabulary.SMSPRO);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/");
        if (path.length != 2) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Expected /services/{customer}/{operation}");
            return;
        }
        String customer = path[0];
        if (!authorised(request, customer)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SmsPro auth\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Authentication required");
            return;
        }
        switch (path[1]) {
            case "alive" -> keepAlive(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown operation " + path[1]);
        }
    }

    /** Section 11. */
    private void keepAlive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream body = request.getInputStream()) {
            xml.read(body, MobilectrlAliveRequest.class);
        } catch (InvalidProviderXmlException e) {
            LOG.info(() -> "Rejected keep-alive request: " + e.getMessage());
            reply(response, aliveCheck(-2, e.getMessage()));
            return;
        }
        if (!SmsProSimulatorControl.alive()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Simulated outage");
            return;
        }
        reply(response, aliveCheck(0, "SMSPro is alive."));
    }

    private static MobilectrlAliveCheck aliveCheck(int status, String message) {
        MobilectrlAliveCheck check = new MobilectrlAliveCheck();
        check.setStatus(status);
        check.setMessage(message);
        return check;
    }

    /** Section 14.3 asks for a correct Content-Length; the body is sent whole. */
    private void reply(HttpServletResponse response, Object document) throws IOException {
        byte[] body = xml.write(document).getBytes(WIRE);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml; charset=ISO-8859-1");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean authorised(HttpServletRequest request, String customer) {
        String expectedCustomer = System.getProperty("smshub.simulator.smspro.customer", "CUSTOMER");
        String expectedPassword = System.getProperty("smshub.simulator.smspro.password", "xxxxxxxx");
        String header = request.getHeader("Authorization");
        if (!customer.equals(expectedCustomer) || header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), WIRE);
        return credentials.equals(expectedCustomer + ":" + expectedPassword);
    }
}

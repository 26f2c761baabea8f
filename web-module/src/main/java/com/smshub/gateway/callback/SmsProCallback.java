package com.smshub.gateway.callback;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.provider.xml.InvalidProviderXmlException;
import com.smshub.status.boundary.ProviderReports;

/**
 * Where SMS Pro pushes delivery statuses (section 6.9): {@code POST /smshub/callbacks/smspro/{messageId}?token=...},
 * the address each message was sent with. Answered HTTP 200 once the report is committed (any report the
 * provider may stop resending), 403 for a wrong token, 400 for a body that is not a delivery status.
 */
@WebServlet(urlPatterns = "/callbacks/smspro/*")
public class SmsProCallback extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SmsProCallback.class.getName());

    @EJB
    ProviderReports reports;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Expected /callbacks/smspro/{messageId}");
            return;
        }
        String messageId = path.substring(1);
        try (InputStream body = request.getInputStream()) {
            ProviderReports.Result result = reports.smsProDeliveryStatus(messageId, request.getParameter("token"), body);
            if (result == ProviderReports.Result.FORBIDDEN) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Wrong token for this message");
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (InvalidProviderXmlException e) {
            LOG.warning(() -> "Rejected SMS Pro report for " + messageId + ": " + e.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a mobilectrl_delivery_status: " + e.getMessage());
        }
    }
}

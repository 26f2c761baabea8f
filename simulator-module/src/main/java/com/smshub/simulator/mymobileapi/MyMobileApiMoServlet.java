package com.smshub.simulator.mymobileapi;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A subscriber's message to MyMobileAPI, outside its protocol (it stands for the subscriber and the network):
 * {@code POST /mymobileapi/mo} with {@code from} (digits, as MyMobileAPI writes numbers) and {@code text}, and
 * either {@code inReplyTo} (the customerid a message was sent with: a reply, read with Reply_STR_STR, its
 * sentid and opt-out flag filled in) or {@code shortcode} and optionally {@code keyword} (an entry read with
 * ShortCode_Get_STR_STR). Answers {@code replyid=} or {@code changeid=}.
 */
@WebServlet(urlPatterns = "/mymobileapi/mo")
public class MyMobileApiMoServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        String from = request.getParameter("from");
        String text = request.getParameter("text");
        String shortcode = request.getParameter("shortcode");
        if (from == null || text == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from and text are required");
            return;
        }
        response.setContentType("text/plain; charset=UTF-8");
        if (shortcode != null) {
            String keyword = request.getParameter("keyword");
            response.getWriter().println("changeid=" + MyMobileApiLedger.shortCode(shortcode, keyword == null ? "" : keyword, from,
                    text).changeId());
        } else {
            response.getWriter().println("replyid=" + MyMobileApiLedger.reply(from, text, request.getParameter("inReplyTo")).replyId());
        }
    }
}

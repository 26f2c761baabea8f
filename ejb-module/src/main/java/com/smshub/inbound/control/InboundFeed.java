package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.inbound.entity.InboundPage;
import com.smshub.inbound.entity.InboundView;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.StoreException;

/** A tenant's messages from subscribers, in feed order, after a cursor. */
@ApplicationScoped
public class InboundFeed {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** The sender's details (columns 11-17), or null where the provider told none. */
    private static InboundView.Sender sender(ResultSet r) throws SQLException {
        int status = r.getInt(17);
        Integer lookupStatus = r.wasNull() ? null : status;
        InboundView.Sender sender = new InboundView.Sender(r.getString(11), r.getString(12), r.getString(13), r.getString(14),
                r.getString(15), r.getString(16), lookupStatus);
        return sender.equals(new InboundView.Sender(null, null, null, null, null, null, null)) ? null : sender;
    }

    public InboundPage after(long tenantId, long afterFeedId, int max) {
        List<InboundView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT feed_id, sender, destination, keyword, text_body, binary_hex, received_at, provider, replies_to, opt_out, "
                        + "sender_operator, sender_first_name, sender_last_name, sender_address, sender_postal_code, sender_city, "
                        + "sender_lookup_status FROM inbound_message WHERE tenant_id = ? AND feed_id > ? ORDER BY feed_id")) {
            s.setMaxRows(max + 1);
            s.setLong(1, tenantId);
            s.setLong(2, afterFeedId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String text = r.getString(5);
                    views.add(new InboundView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            text != null ? text : r.getString(6), r.getTimestamp(7).toInstant().atOffset(ZoneOffset.UTC),
                            ProviderCode.valueOf(r.getString(8)), r.getString(9), r.getBoolean(10), sender(r)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        boolean more = views.size() > max;
        List<InboundView> page = more ? views.subList(0, max) : views;
        return new InboundPage(page, page.isEmpty() ? afterFeedId : page.get(page.size() - 1).feedId(), more);
    }
}

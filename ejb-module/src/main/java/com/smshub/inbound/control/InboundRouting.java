package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.inbound.entity.InboundRule;
import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.InboundMessage;

/**
 * Gives a newly stored message from a subscriber its tenant (by the inbound rules), its keyword, the message it
 * answers and its place in the tenant's feed, and then does what its keyword asks (STOP, TEST, INFO). Runs in
 * the transaction that stored it, so a message is routed and acted on exactly once, however often a provider
 * delivers it.
 */
@ApplicationScoped
public class InboundRouting {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @Inject
    InboundRules rules;

    @Inject
    KeywordReplies replies;

    /** What routing decided for one message. */
    public record Routed(Long tenantId, String keyword, ServiceKeyword service, String repliesTo, boolean optOut) {
    }

    /** The keywords every provider's subscribers may send (SMS Pro section 12, applied to all). */
    public enum ServiceKeyword {
        STOP, TEST, INFO;

        /** The service keyword a message's first word is, if any: STOPP and STOP both stop. */
        static Optional<ServiceKeyword> of(String firstWord) {
            if (firstWord == null) {
                return Optional.empty();
            }
            return switch (firstWord) {
                case "STOP", "STOPP" -> Optional.of(STOP);
                case "TEST" -> Optional.of(TEST);
                case "INFO" -> Optional.of(INFO);
                default -> Optional.empty();
            };
        }
    }

    public Routed route(long inboundId, InboundMessage message) {
        String firstWord = firstWord(message.text());
        Optional<InboundRule> rule = best(rules.all(), message.accountId(), message.to(), firstWord);
        Long tenant = rule.map(InboundRule::tenantId).orElse(null);
        Optional<ServiceKeyword> service = ServiceKeyword.of(firstWord);
        String keyword = rule.map(InboundRule::keyword).orElse(service.map(Enum::name).orElse(null));
        if (service.isPresent() && keyword == null) {
            keyword = firstWord;
        }
        boolean optOut = message.optOut() || service.orElse(null) == ServiceKeyword.STOP;
        String repliesTo = message.repliesTo() != null ? message.repliesTo()
                : tenant == null ? null : conversation(tenant, message).orElse(null);
        Routed routed = new Routed(tenant, keyword, service.orElse(null), repliesTo, optOut);
        record(inboundId, routed);
        if (optOut) {
            replies.stop(inboundId, message, tenant != null ? List.of(tenant) : rules.tenantsOf(message.accountId()));
        } else if (tenant != null && service.isPresent()) {
            replies.answer(inboundId, message, tenant, service.get());
        }
        return routed;
    }

    /** The rule that sets the most conditions among those that hold, then the lowest priority number and id. */
    static Optional<InboundRule> best(List<InboundRule> all, long accountId, String destination, String firstWord) {
        List<InboundRule> matching = new ArrayList<>();
        for (InboundRule rule : all) {
            if (rule.matches(accountId, destination, firstWord)) {
                matching.add(rule);
            }
        }
        return matching.stream().min(Comparator.comparingInt((InboundRule r) -> -r.specificity())
                .thenComparingInt(InboundRule::priority).thenComparingLong(InboundRule::id));
    }

    /** The first word of a text, in upper case, without the punctuation people type after it ("Stop!"). */
    static String firstWord(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        String word = stripped.split("\\s+", 2)[0].replaceAll("[\\p{Punct}]+$", "");
        return word.isEmpty() ? null : word.toUpperCase(Locale.ROOT);
    }

    /**
     * The message it answers as the conversation shows it: the tenant's latest message to that number, from
     * the number it was sent to where that is known.
     */
    private Optional<String> conversation(long tenant, InboundMessage message) {
        // no time bound: SMS Pro's datetime is to the second, so a message sent in the same second can look
        // later than the answer; nothing accepted after the answer was stored can be in this transaction's view
        String sql = "SELECT id FROM message WHERE tenant_id = ? AND recipient = ?"
                + (message.to() == null ? "" : " AND (originator = ? OR originator = ?)")
                + " ORDER BY accepted_at DESC, id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(1);
            s.setLong(1, tenant);
            s.setString(2, message.from());
            if (message.to() != null) {
                String to = message.to().startsWith("+") ? message.to().substring(1) : message.to();
                s.setString(3, to);
                s.setString(4, "+" + to);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Writes the routing and gives the message the next feed position. The sequencer row stays locked until
     * this transaction commits, so positions become visible in their order and a reader never skips one.
     */
    private void record(long inboundId, Routed routed) {
        try (Connection c = dataSource.getConnection()) {
            Long feedId = null;
            if (routed.tenantId() != null) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE sequencer SET last_value = last_value + 1 WHERE name = 'inbound_feed'")) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM sequencer WHERE name = 'inbound_feed'");
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    feedId = r.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE inbound_message SET tenant_id = ?, keyword = ?, "
                    + "replies_to = ?, opt_out = ?, feed_id = ? WHERE id = ?")) {
                if (routed.tenantId() == null) {
                    s.setNull(1, Types.BIGINT);
                    s.setNull(5, Types.BIGINT);
                } else {
                    s.setLong(1, routed.tenantId());
                    s.setLong(5, feedId);
                }
                s.setString(2, routed.keyword());
                s.setString(3, routed.repliesTo());
                s.setBoolean(4, routed.optOut());
                s.setLong(6, inboundId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}

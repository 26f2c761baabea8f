package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.smshub.kernel.Configuration;
import com.smshub.inbound.entity.InboundRule;
import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.InboundMessage;

/**
 * Gives a newly stored message from a subscriber its tenant, its keyword, the message it answers and its place in
 * the tenant's feed, and then does what its keyword asks (STOP, TEST, INFO). An answer goes to the tenant whose
 * message it answers before any rule: the message the provider names (MyMobileAPI's sentcustomerid), if it went
 * out through the account the answer came in on, else the latest message sent through that account to the
 * subscriber from the number written to, within {@code smshub.inbound.reply-window-hours} (72); only then the
 * inbound rules decide. A reference to a message of another account is dropped, so a tenant never sees another
 * tenant's message id. Runs in the transaction that stored it, so a message is routed and acted on exactly once,
 * however often a provider delivers it.
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

    /** How long after a message an answer from its recipient is taken as answering it, whatever the rules say. */
    static final long REPLY_WINDOW_HOURS = Configuration.number("smshub.inbound.reply-window-hours", 72);

    /** A message of ours an inbound message answers, and its tenant. */
    record Answered(String messageId, long tenantId) {
    }

    public Routed route(long inboundId, InboundMessage message) {
        String firstWord = firstWord(message.text());
        Optional<Answered> answered = answered(message);
        Optional<InboundRule> rule = best(rules.all(), message.accountId(), message.to(), firstWord)
                .filter(r -> answered.isEmpty() || r.tenantId() == answered.get().tenantId());
        Long tenant = answered.map(Answered::tenantId).orElse(rule.map(InboundRule::tenantId).orElse(null));
        Optional<ServiceKeyword> service = ServiceKeyword.of(firstWord);
        String keyword = rule.map(InboundRule::keyword).orElse(service.map(Enum::name).orElse(null));
        if (service.isPresent() && keyword == null) {
            keyword = firstWord;
        }
        boolean optOut = message.optOut() || service.orElse(null) == ServiceKeyword.STOP;
        String repliesTo = answered.isPresent() ? answered.get().messageId()
                : tenant == null ? null : conversation(tenant, message, null).map(Answered::messageId).orElse(null);
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
     * The message of ours an inbound message answers, whoever's it is: the one the provider names, where it went
     * out through the same account; else the conversation on that account within the reply window.
     */
    private Optional<Answered> answered(InboundMessage message) {
        if (message.repliesTo() != null) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT tenant_id, provider_account_id FROM message WHERE id = ?")) {
                s.setString(1, message.repliesTo());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getLong(2) == message.accountId()) {
                        return Optional.of(new Answered(message.repliesTo(), r.getLong(1)));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException(e);
            }
            // a message of another account, or none: not an answer we can trust to name a tenant
        }
        return conversation(null, message, OffsetDateTime.now(ZoneOffset.UTC).minusHours(REPLY_WINDOW_HOURS));
    }

    /**
     * The message it answers as the conversation shows it: the latest message to that number sent from the number
     * the subscriber wrote to (a subscriber can answer only a message sent from a number: numeric or short code,
     * never an alphanumeric sender), either the tenant's (any time: SMS Pro's datetime is to the second, so a
     * message sent in the same second can look later than the answer; nothing accepted after the answer was stored
     * is in this transaction's view) or any tenant's sent through the account it came in on, since {@code since}.
     * None where the provider does not say which number was written to. Read by the index of answerable messages
     * ({@code message_answerable}: on PostgreSQL only those sent from a number, so that other messages cost
     * sending nothing for it).
     */
    private Optional<Answered> conversation(Long tenant, InboundMessage message, OffsetDateTime since) {
        if (message.to() == null) {
            return Optional.empty();
        }
        String sql = "SELECT id, tenant_id FROM message WHERE recipient = ? AND originator_type IN ('NUMERIC', 'SHORT_CODE')"
                + (tenant == null ? " AND provider_account_id = ? AND accepted_at >= ?" : " AND tenant_id = ?")
                + " AND (originator = ? OR originator = ?) ORDER BY accepted_at DESC, id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(1);
            int i = 1;
            s.setString(i++, message.from());
            if (tenant == null) {
                s.setLong(i++, message.accountId());
                s.setTimestamp(i++, Timestamp.from(since.toInstant()));
            } else {
                s.setLong(i++, tenant);
            }
            String to = message.to().startsWith("+") ? message.to().substring(1) : message.to();
            s.setString(i++, to);
            s.setString(i, "+" + to);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Answered(r.getString(1), r.getLong(2))) : Optional.empty();
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

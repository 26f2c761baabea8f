package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Counters;
import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents;

/**
 * Messages from subscribers, each stored once: a provider that delivers one again (it got no answer, or
 * retries on its own) meets the unique key of provider and provider id, and the repeat changes nothing.
 * Runs in the caller's transaction. {@link InboundRouting} then gives a new message its tenant and place in the feed.
 */
@ApplicationScoped
public class InboundStore {

    /** What inbound_message keeps of a message: 4,000 characters of text, or of hex (2,000 octets). */
    static final int MOST_STORED = 4000;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /**
     * Keeps a part of a long message until all its parts are here, then stores the message (its parts' texts
     * or octets joined in order, the first part's id with the count as its id) and forgets the parts. The
     * account's row is locked first, so that two parts arriving together are taken one after the other and
     * the last one finds the others (long messages from subscribers are few; sending never takes this lock).
     *
     * @return whether the part was new, and our id of the whole message once this part completed it
     */
    public PartResult storePart(InboundMessage part, ProviderEvents.Concatenation concatenation) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM provider_account WHERE id = ? FOR UPDATE")) {
                s.setLong(1, part.accountId());
                s.executeQuery().close();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbound_part (provider_account_id, sender, reference, "
                    + "total, sequence, provider_message_id, destination, text_body, binary_hex, received_at) "
                    + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM inbound_part WHERE "
                    + "provider_account_id = ? AND sender = ? AND reference = ? AND total = ? AND sequence = ?)")) {
                int i = 1;
                for (boolean key : new boolean[] {false, true}) {
                    s.setLong(i++, part.accountId());
                    s.setString(i++, part.from());
                    s.setInt(i++, concatenation.reference());
                    s.setInt(i++, concatenation.total());
                    s.setInt(i++, concatenation.sequence());
                    if (!key) {
                        s.setString(i++, part.providerMessageId());
                        s.setString(i++, part.to());
                        s.setString(i++, part.text());
                        s.setString(i++, part.binaryHex());
                        s.setTimestamp(i++, Timestamp.from(part.receivedAt().toInstant()));
                    }
                }
                if (s.executeUpdate() == 0) {
                    return new PartResult(false, null, null);
                }
            }
            List<InboundMessage> parts = new ArrayList<>();
            String where = " FROM inbound_part WHERE provider_account_id = ? AND sender = ? AND reference = ? AND total = ?";
            try (PreparedStatement s = c.prepareStatement("SELECT provider_message_id, destination, text_body, binary_hex, "
                    + "received_at" + where + " ORDER BY sequence")) {
                bindParts(s, part, concatenation);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        parts.add(new InboundMessage(part.provider(), part.accountId(), r.getString(1), part.from(),
                                r.getString(2), r.getString(3), r.getString(4),
                                r.getTimestamp(5).toInstant().atOffset(ZoneOffset.UTC), null, false));
                    }
                }
            }
            if (parts.size() < concatenation.total()) {
                return new PartResult(true, null, null);
            }
            InboundMessage first = parts.get(0);
            boolean binary = first.text() == null;
            String joined = parts.stream().map(p -> binary ? p.binaryHex() : p.text()).collect(Collectors.joining());
            if (joined.length() > MOST_STORED) {
                // up to 255 parts may come; the message keeps what its column holds, and says so in the count
                Counters.increment("inbound.joined-message-cut");
                joined = joined.substring(0, binary ? MOST_STORED : MOST_STORED - 1) + (binary ? "" : "\u2026");
            }
            InboundMessage whole = new InboundMessage(part.provider(), part.accountId(), first.providerMessageId() + "/" + parts.size(),
                    part.from(), first.to(), binary ? null : joined, binary ? joined : null,
                    parts.get(parts.size() - 1).receivedAt(), part.repliesTo(), part.optOut());
            Long stored = store(whole).orElse(null);
            try (PreparedStatement s = c.prepareStatement("DELETE" + where)) {
                bindParts(s, part, concatenation);
                s.executeUpdate();
            }
            return new PartResult(true, stored, stored == null ? null : whole);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Whether a part was new; the whole message and our id of it when this part completed it, else nulls. */
    public record PartResult(boolean isNew, Long completedId, InboundMessage completed) {
    }

    private static void bindParts(PreparedStatement s, InboundMessage part, ProviderEvents.Concatenation concatenation)
            throws SQLException {
        s.setLong(1, part.accountId());
        s.setString(2, part.from());
        s.setInt(3, concatenation.reference());
        s.setInt(4, concatenation.total());
    }

    /** @return our id of the message, or empty when it was stored before (a repeat) */
    public Optional<Long> store(InboundMessage message) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO inbound_message (provider, provider_account_id, provider_message_id, sender, destination, "
                        + "text_body, binary_hex, received_at, replies_to, opt_out, sender_operator, sender_first_name, "
                        + "sender_last_name, sender_address, sender_postal_code, sender_city, sender_lookup_status) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM inbound_message WHERE provider = ? AND provider_message_id = ?)", new String[] {"id"})) {
            int i = 1;
            s.setString(i++, message.provider().name());
            if (message.accountId() > 0) {
                s.setLong(i++, message.accountId());
            } else {
                s.setNull(i++, Types.BIGINT);
            }
            s.setString(i++, message.providerMessageId());
            s.setString(i++, message.from());
            s.setString(i++, message.to());
            s.setString(i++, message.text());
            s.setString(i++, message.binaryHex());
            s.setTimestamp(i++, Timestamp.from(message.receivedAt().toInstant()));
            s.setString(i++, message.repliesTo());
            s.setBoolean(i++, message.optOut());
            InboundMessage.Sender sender = message.sender();
            s.setString(i++, sender == null ? null : sender.operator());
            s.setString(i++, sender == null ? null : sender.firstName());
            s.setString(i++, sender == null ? null : sender.lastName());
            s.setString(i++, sender == null ? null : sender.address());
            s.setString(i++, sender == null ? null : sender.postalCode());
            s.setString(i++, sender == null ? null : sender.city());
            if (sender == null || sender.lookupStatus() == null) {
                s.setNull(i++, Types.INTEGER);
            } else {
                s.setInt(i++, sender.lookupStatus());
            }
            s.setString(i++, message.provider().name());
            s.setString(i, message.providerMessageId());
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            // also a concurrent delivery of the same message that committed first: this transaction rolls
            // back, the provider gets no answer and delivers again, and then finds it stored
            throw new StoreException(e);
        }
    }
}

package com.smshub.inbound.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.Configuration;
import com.smshub.kernel.Counters;
import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.InboundMessage;
import com.smshub.provider.spi.ProviderEvents;

/**
 * Messages from subscribers, each stored once: a provider that delivers one again (it got no answer, or
 * retries on its own) meets the unique key of account and provider id, and the repeat changes nothing. Where the
 * provider gives no id (SMPP), the same content from the same number to the same address on the same account
 * within {@code smshub.inbound.repeat-window-seconds} (120) is the repeat; after it, the same words are a new
 * message (the trade-off: a redelivery later than the window is stored twice, two genuine identical messages
 * within it are one; docs/inbound.md). Parts of a long message that never completed are dropped once older than
 * {@code smshub.inbound.part-max-age-seconds} (3,600), so a later message reusing the reference never joins them:
 * those of the account when its next part comes, every account's once a minute (ParkedReportMatcher).
 * Runs in the caller's transaction. {@link InboundRouting} then gives a new message its tenant and place in the feed.
 */
@ApplicationScoped
public class InboundStore {

    private static final Logger LOG = Logger.getLogger(InboundStore.class.getName());

    /** What inbound_message keeps of a message: 4,000 characters of text, or of hex (2,000 octets). */
    static final int MOST_STORED = 4000;

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** Read at each use, so that an operator's change (and a test's) applies without a redeployment. */
    static Duration repeatWindow() {
        return Configuration.seconds("smshub.inbound.repeat-window-seconds", 120);
    }

    static Duration partMaxAge() {
        return Configuration.seconds("smshub.inbound.part-max-age-seconds", 3600);
    }

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
            lockAccount(c, part.accountId());
            try (PreparedStatement s = c.prepareStatement("DELETE FROM inbound_part WHERE provider_account_id = ? AND received_at < ?")) {
                s.setLong(1, part.accountId());
                s.setTimestamp(2, Timestamp.from(part.receivedAt().toInstant().minus(partMaxAge())));
                expired(s.executeUpdate(), "on account " + part.accountId());
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

    /**
     * Drops the parts of every account older than the bound (those of an account that received no part since);
     * answers how many.
     */
    public int expireParts(java.time.Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM inbound_part WHERE received_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now.minus(partMaxAge())));
            int expired = s.executeUpdate();
            expired(expired, "");
            return expired;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A long message whose other parts never came: nothing of it is kept, and that is counted and logged. */
    private static void expired(int parts, String where) {
        if (parts > 0) {
            Counters.add("inbound.parts-expired", parts);
            LOG.warning(() -> parts + " parts of long messages from subscribers " + where + (where.isEmpty() ? "" : " ")
                    + "expired without their other parts (smshub.inbound.part-max-age-seconds)");
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
        try (Connection c = dataSource.getConnection()) {
            String contentKey = null;
            String providerMessageId = message.providerMessageId();
            if (message.keyedByContent()) {
                contentKey = providerMessageId.substring(InboundMessage.BY_CONTENT.length());
                // one at a time an account, so that a repeat arriving together with its first finds it
                lockAccount(c, message.accountId());
                if (repeatWithinWindow(c, message, contentKey)) {
                    return Optional.empty();
                }
                // unique per arrival: the same words after the window are a message of their own
                providerMessageId = providerMessageId + "@" + message.receivedAt().toInstant().toEpochMilli();
            }
            return insert(c, message, providerMessageId, contentKey);
        } catch (SQLException e) {
            // also a concurrent delivery of the same message that committed first: this transaction rolls
            // back, the provider gets no answer and delivers again, and then finds it stored
            throw new StoreException(e);
        }
    }

    private static void lockAccount(Connection c, long accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM provider_account WHERE id = ? FOR UPDATE")) {
            s.setLong(1, accountId);
            s.executeQuery().close();
        }
    }

    private static boolean repeatWithinWindow(Connection c, InboundMessage message, String contentKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM inbound_message WHERE provider_account_id = ? "
                + "AND content_key = ? AND received_at > ?")) {
            s.setLong(1, message.accountId());
            s.setString(2, contentKey);
            s.setTimestamp(3, Timestamp.from(message.receivedAt().toInstant().minus(repeatWindow())));
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Optional<Long> insert(Connection c, InboundMessage message, String providerMessageId, String contentKey)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO inbound_message (provider, provider_account_id, provider_message_id, sender, destination, "
                        + "text_body, binary_hex, received_at, replies_to, opt_out, sender_operator, sender_first_name, "
                        + "sender_last_name, sender_address, sender_postal_code, sender_city, sender_lookup_status, content_key) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM inbound_message "
                        + "WHERE provider = ? AND provider_account_id IS NOT DISTINCT FROM ? AND provider_message_id = ?)",
                new String[] {"id"})) {
            int i = 1;
            s.setString(i++, message.provider().name());
            i = bindAccount(s, i, message.accountId());
            s.setString(i++, providerMessageId);
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
            s.setString(i++, contentKey);
            s.setString(i++, message.provider().name());
            i = bindAccount(s, i, message.accountId());
            s.setString(i, providerMessageId);
            if (s.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        }
    }

    private static int bindAccount(PreparedStatement s, int i, long accountId) throws SQLException {
        if (accountId > 0) {
            s.setLong(i, accountId);
        } else {
            s.setNull(i, Types.BIGINT);
        }
        return i + 1;
    }

    /** A batch of {@link #purge}: the last id looked at (the next batch starts after it), how many, how many went. */
    public record Purged(long lastId, int lookedAt, int removed) {
    }

    /**
     * Removes, of the next {@code batchSize} messages from subscribers after {@code afterId}, those received before
     * the cut-off (of one tenant, or every tenant's and those no tenant took when null). Their feed positions come
     * from the sequencer, so the removal never moves a reader's cursor.
     */
    public Purged purge(java.time.OffsetDateTime cutOff, Long tenantId, long afterId, int batchSize) {
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM inbound_message WHERE id > ? AND received_at < ?"
                    + (tenantId == null ? "" : " AND tenant_id = ?") + " ORDER BY id FETCH FIRST " + batchSize + " ROWS ONLY")) {
                s.setLong(1, afterId);
                s.setTimestamp(2, Timestamp.from(cutOff.toInstant()));
                if (tenantId != null) {
                    s.setLong(3, tenantId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return new Purged(afterId, 0, 0);
            }
            int removed;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM inbound_message WHERE id IN ("
                    + ids.stream().map(id -> "?").collect(Collectors.joining(",")) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(i + 1, ids.get(i));
                }
                removed = s.executeUpdate();
            }
            return new Purged(ids.get(ids.size() - 1), ids.size(), removed);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}

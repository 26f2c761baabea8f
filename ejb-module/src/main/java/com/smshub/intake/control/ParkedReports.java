package com.smshub.intake.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.smshub.kernel.MessageStatus;
import com.smshub.kernel.ProviderCode;
import com.smshub.kernel.ProviderReport;
import com.smshub.kernel.Reason;
import com.smshub.kernel.StoreException;
import com.smshub.provider.spi.DeliveryReport;
import com.smshub.provider.spi.MessageRef;

/**
 * Reports by a provider's id that no message of ours had yet (table {@code parked_report}): kept until a
 * message or a part with that id is recorded, then handed back to be applied. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class ParkedReports {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    /** A parked report and its row. */
    public record Parked(long id, DeliveryReport report) {
    }

    /** Keeps a report that names the message by the provider's id. */
    public void park(DeliveryReport report) {
        MessageRef.Theirs message = (MessageRef.Theirs) report.message();
        ProviderReport said = report.report();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO parked_report (provider, provider_message_id, status, source, raw_status, code, occurred_at, "
                        + "reason_code, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, message.provider().name());
            s.setString(2, message.providerMessageId());
            s.setString(3, report.status().name());
            s.setString(4, report.source());
            s.setString(5, said == null ? null : said.rawStatus());
            s.setString(6, said == null ? null : said.code());
            s.setTimestamp(7, said == null || said.occurredAt() == null ? null : Timestamp.from(said.occurredAt().toInstant()));
            s.setString(8, report.reason() == null ? null : report.reason().code());
            s.setString(9, report.reason() == null ? null : report.reason().text());
            s.setTimestamp(10, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Up to {@code most} parked reports whose id a message or a part now has, the oldest first. */
    public List<Parked> matched(int most) {
        List<Parked> matched = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, provider, provider_message_id, status, source, raw_status, code, occurred_at, reason_code, reason "
                        + "FROM parked_report p WHERE EXISTS (SELECT 1 FROM message m WHERE m.provider = p.provider AND "
                        + "m.provider_message_id = p.provider_message_id) OR EXISTS (SELECT 1 FROM message_part mp WHERE "
                        + "mp.provider = p.provider AND mp.provider_message_id = p.provider_message_id) ORDER BY id")) {
            s.setMaxRows(most);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ProviderCode provider = ProviderCode.valueOf(r.getString("provider"));
                    String id = r.getString("provider_message_id");
                    Timestamp occurred = r.getTimestamp("occurred_at");
                    String reasonCode = r.getString("reason_code");
                    matched.add(new Parked(r.getLong("id"), new DeliveryReport(MessageRef.theirs(provider, id),
                            MessageStatus.valueOf(r.getString("status")),
                            new ProviderReport(provider, r.getString("raw_status"), r.getString("code"), id,
                                    occurred == null ? null : occurred.toInstant().atOffset(ZoneOffset.UTC)),
                            r.getString("source"), reasonCode == null ? null : new Reason(reasonCode, r.getString("reason")))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return matched;
    }

    /** Forgets reports: applied, or expired. */
    public void delete(List<Long> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM parked_report WHERE id = ?")) {
            for (long id : ids) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Deletes what was parked before {@code before} and never matched; how many. */
    public int expire(Instant before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM parked_report WHERE parked_at < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}

package org.impactdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.impactdesk.domain.NotificationSender;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The notification outbox: due rows, sent, failed with backoff. */
public final class NotificationOutboxDao {
    /** A failed send waits 1, 2, 4, ... minutes (capped at a day) before the next attempt. */
    public static final Duration BASE = Duration.ofMinutes(1);

    private final Jdbi jdbi;

    public NotificationOutboxDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<NotificationSender.Notification> due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, summary_table, summary_id, user_id, message_key FROM notification_outbox
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= :now) ORDER BY id""")
                .bind("now", now)
                .map((rs, ctx) -> new NotificationSender.Notification(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
                .list());
    }

    /**
     * The outbox rows of these notifications (by summary table and id) that are not sent yet, in
     * the order given, with their outbox ids.
     */
    public List<NotificationSender.Notification> unsent(List<NotificationSender.Notification> queued) {
        Map<String, NotificationSender.Notification> byKey = new LinkedHashMap<>();
        Map<String, List<UUID>> idsByTable = new LinkedHashMap<>();
        for (NotificationSender.Notification n : queued) {
            byKey.put(n.summaryTable() + '|' + n.summaryId(), null);
            idsByTable.computeIfAbsent(n.summaryTable(), t -> new ArrayList<>()).add(n.summaryId());
        }
        jdbi.useHandle(h -> idsByTable.forEach((table, ids) -> {
            for (int i = 0; i < ids.size(); i += 1000) {
                h.createQuery("""
                        SELECT id, summary_table, summary_id, user_id, message_key FROM notification_outbox
                        WHERE summary_table = :t AND summary_id IN (<ids>) AND sent_at IS NULL""")
                        .bind("t", table).bindList("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                        .map((rs, ctx) -> new NotificationSender.Notification(rs.getLong(1), rs.getString(2),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
                        .forEach(n -> byKey.replace(n.summaryTable() + '|' + n.summaryId(), n));
            }
        }));
        return byKey.values().stream().filter(Objects::nonNull).toList();
    }

    /** Marks the outbox row sent and records it on the summary (notification_sent / notification_sent_at). */
    public void markSent(NotificationSender.Notification n, Instant at) {
        markSent(List.of(n), at);
    }

    /**
     * Marks outbox rows sent and records it on their summaries, in one transaction with JDBC
     * batches (one statement per table, not two round trips per notification).
     */
    public void markSent(List<NotificationSender.Notification> sent, Instant at) {
        if (sent.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch outbox = h.prepareBatch(
                    "UPDATE notification_outbox SET sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id");
            Map<String, PreparedBatch> bySummaryTable = new LinkedHashMap<>();
            for (NotificationSender.Notification n : sent) {
                outbox.bind("at", at).bind("id", n.outboxId()).add();
                String sql = switch (n.summaryTable()) {
                    case "annual_summaries", "periodic_summaries", DigestDao.TABLE ->
                            "UPDATE " + n.summaryTable() + " SET notification_sent_at = :at WHERE id = :id";
                    case "impact_summaries" -> "UPDATE impact_summaries SET notification_sent = TRUE WHERE id = :id";
                    default -> throw new IllegalArgumentException("unknown summary table " + n.summaryTable());
                };
                PreparedBatch b = bySummaryTable.computeIfAbsent(n.summaryTable(), t -> h.prepareBatch(sql));
                if (n.summaryTable().equals("impact_summaries")) {
                    b.bind("id", n.summaryId()).add();
                } else {
                    b.bind("at", at).bind("id", n.summaryId()).add();
                }
            }
            outbox.execute();
            for (PreparedBatch b : bySummaryTable.values()) {
                b.execute();
            }
        });
    }

    public void markFailed(NotificationSender.Notification n, String error, Instant now) {
        jdbi.useHandle(h -> {
            int attempts = h.createQuery("SELECT attempts FROM notification_outbox WHERE id = :id").bind("id", n.outboxId())
                    .mapTo(Integer.class).one() + 1;
            Duration wait = BASE.multipliedBy(1L << Math.min(attempts - 1, 10));
            if (wait.compareTo(Duration.ofDays(1)) > 0) {
                wait = Duration.ofDays(1);
            }
            h.createUpdate("""
                    UPDATE notification_outbox SET attempts = :a, last_error = :e, next_attempt_at = :next WHERE id = :id""")
                    .bind("a", attempts).bind("e", error.length() > 4000 ? error.substring(0, 4000) : error)
                    .bind("next", now.plus(wait)).bind("id", n.outboxId()).execute();
        });
    }
}

package org.impactdesk.service.generation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.store.Database;
/** Plain SQL inserts into a fresh migrated H2 (from {@code @MigratedH2}), and a generation service on a movable clock. */
final class RuleDb {
    final Database db;
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T08:00:00Z"));
    final List<NotificationSender.Notification> sent = new ArrayList<>();
    boolean senderFails;
    final GenerationService service;
    private int seq;

    RuleDb(Database db) {
        this.db = db;
        service = new GenerationService(db, n -> {
            if (senderFails) {
                throw new IllegalStateException("push service unavailable");
            }
            sent.add(n);
        }, List.of(), clock, Locale.ENGLISH);
    }

    // ---- data

    RuleDb org(String id, Boolean impactEnabled) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO organizations (id, name, impact_summary_enabled) VALUES (?, ?, ?)")
                .bind(0, id).bind(1, "Org " + id).bind(2, impactEnabled).execute());
        db.jdbi().useHandle(h -> h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES (?, ?, ?)",
                "la-" + id, id, "Association of " + id));
        return this;
    }

    /** The organisation notifies a ready Wrapped at generation, without an admin's review before release (issue 19). */
    RuleDb noReview(String org) {
        new org.impactdesk.store.ReleaseDao(db.jdbi()).setReviewRequired(org, false, "test");
        return this;
    }

    RuleDb association(String id, String org) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES (?, ?, ?)", id, org, id));
        return this;
    }

    RuleDb user(String id, String org, String... roles) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES (?, ?, ?)", id, org, "Name of " + id);
            for (String r : roles) {
                h.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", id, r);
            }
        });
        return this;
    }

    /** A peer mentor pm with user "u-" + pm in association la. */
    RuleDb mentor(String pm, String org, String la, String status, String startedOn) {
        user("u-" + pm, org, "peer_mentor");
        db.jdbi().useHandle(h -> {
            h.createUpdate("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES (?, ?, ?, ?, ?, ?)""").bind(0, pm).bind(1, "u-" + pm).bind(2, org).bind(3, la).bind(4, status)
                    .bind(5, startedOn == null ? null : LocalDate.parse(startedOn)).execute();
            h.execute("INSERT INTO peer_mentor_associations (peer_mentor_id, local_association_id) VALUES (?, ?)", pm, la);
        });
        return this;
    }

    RuleDb coordinator(String userId, String org, String... las) {
        user(userId, org, "coordinator");
        db.jdbi().useHandle(h -> {
            for (String la : las) {
                h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES (?, ?)", userId, la);
            }
        });
        return this;
    }

    /** An activity of a mentor at an instant, recorded in la. */
    String activity(String pm, String org, String la, String startedAt, int minutes, String contact, String status, String km) {
        String id = String.format("act-%05d", ++seq);
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at,
                  duration_minutes, contact_id, approval_status, travel_km) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .bind(0, id).bind(1, org).bind(2, la).bind(3, pm).bind(4, "cafe_meeting").bind(5, Instant.parse(startedAt))
                .bind(6, minutes).bind(7, contact).bind(8, status).bind(9, km == null ? null : new BigDecimal(km)).execute());
        return id;
    }

    String approved(String pm, String org, String startedAt, int minutes) {
        return activity(pm, org, "la-" + org, startedAt, minutes, null, "approved", null);
    }

    /** n approved activities of 60 min, one a day from a date at 10:00Z. */
    void daily(String pm, String org, String from, int n) {
        Instant t = Instant.parse(from + "T10:00:00Z");
        for (int i = 0; i < n; i++) {
            approved(pm, org, t.plus(Duration.ofDays(i)).toString(), 60);
        }
    }

    void stale(String pm, int year) {
        db.jdbi().useHandle(h -> h.execute("MERGE INTO stale_summary_inputs s USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INT))) AS v(m, y) "
                + "ON s.peer_mentor_id = v.m AND s.year = v.y WHEN NOT MATCHED THEN INSERT (peer_mentor_id, year) VALUES (v.m, v.y)",
                pm, year));
    }

    // ---- reading

    List<Map<String, Object>> rows(String sql, Object... args) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapToMap().list();
        });
    }

    Map<String, Object> row(String sql, Object... args) {
        List<Map<String, Object>> r = rows(sql, args);
        if (r.size() != 1) {
            throw new AssertionError("expected one row, got " + r.size() + " for " + sql);
        }
        return r.get(0);
    }

    long count(String sql, Object... args) {
        return ((Number) row(sql, args).values().iterator().next()).longValue();
    }

    Map<String, Object> annual(String pm, int year) {
        return row("SELECT * FROM annual_summaries WHERE peer_mentor_id = ? AND year = ?", pm, year);
    }

    // ---- generating

    GenerationReport generate(int year, GenerationRequest.Selection sel, String asOf) {
        return service.generate(new GenerationRequest(java.util.Set.of(year), sel, null,
                asOf == null ? null : LocalDate.parse(asOf), false), Actor.localOperator());
    }

    GenerationReport force(int year, GenerationRequest.Selection sel, String asOf) {
        return service.generate(new GenerationRequest(java.util.Set.of(year), sel, null, LocalDate.parse(asOf), true),
                Actor.localOperator());
    }

    /** A clock tests can move forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant i) {
            now = i;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

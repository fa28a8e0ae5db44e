package org.impactdesk.service.generation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * Loads the worked example bundle (src/test/resources/example/bundle) with plain inserts: a
 * test fixture that knows exactly the example's dialect, not a general importer.
 */
public final class ExampleBundleFixture {
    public static final Path BUNDLE = Path.of("src/test/resources/example/bundle");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private ExampleBundleFixture() {
    }

    static List<String[]> rows(String file, String sep) {
        try {
            List<String> lines = Files.readAllLines(BUNDLE.resolve(file), StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) {
                    out.add(l.split(sep, -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Boolean yesNo(String s) {
        return s.isEmpty() ? null : s.equals("ja");
    }

    static Instant instant(String s) {
        if (s.matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d")) {
            return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")).atZone(OSLO).toInstant();
        }
        if (s.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")) {
            return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")).atZone(OSLO).toInstant();
        }
        return OffsetDateTime.parse(s).toInstant();
    }

    public static void load(Database db) {
        db.jdbi().useTransaction(ExampleBundleFixture::load);
    }

    static void load(Handle h) {
        for (String[] r : rows("organizations.csv", ",")) {
            h.createUpdate("""
                    INSERT INTO organizations (id, name, time_zone, hourly_rate, currency, social_value_multiplier,
                      cost_saving_per_contact, quarterly_underactive_sessions, quarterly_overloaded_sessions,
                      half_year_underactive_sessions, half_year_overloaded_sessions, impact_summary_enabled)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .bind(0, r[0]).bind(1, r[1]).bind(2, r[2]).bind(3, dec(r[3])).bind(4, blank(r[4])).bind(5, dec(r[5]))
                    .bind(6, dec(r[6])).bind(7, integer(r[7])).bind(8, integer(r[8])).bind(9, integer(r[9]))
                    .bind(10, integer(r[10])).bind(11, yesNo(r[11])).execute();
        }
        for (String[] r : rows("local_associations.csv", ",")) {
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES (?, ?, ?)", r[0], r[1], r[2]);
        }
        for (String[] r : rows("users.csv", ",")) {
            h.execute("INSERT INTO users (id, organization_id, display_name, email) VALUES (?, ?, ?, ?)", r[0], r[1], r[2], r[3]);
            for (String role : r[4].split("\\|")) {
                h.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", r[0], role);
            }
            if (!r[5].isEmpty()) {
                for (String la : r[5].split("\\|")) {
                    h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES (?, ?)", r[0], la);
                }
            }
        }
        for (String[] r : rows("peer_mentors.csv", ",")) {
            LocalDate started = r[6].isEmpty() ? null : LocalDate.parse(r[6], DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            h.createUpdate("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES (?, ?, ?, ?, ?, ?)""").bind(0, r[0]).bind(1, r[1]).bind(2, r[2]).bind(3, r[3]).bind(4, r[5])
                    .bind(5, started).execute();
            for (String la : r[4].split("\\|")) {
                h.execute("INSERT INTO peer_mentor_associations (peer_mentor_id, local_association_id) VALUES (?, ?)", r[0], la);
            }
        }
        for (String[] r : rows("contacts.csv", ",")) {
            h.execute("INSERT INTO contacts (id, organization_id, display_name) VALUES (?, ?, ?)", r[0], r[1], r[2]);
        }
        for (String[] r : rows("activity_types.csv", ",")) {
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES (?, ?, ?)", r[0], r[1], blank(r[2]));
        }
        for (String[] r : rows("events.csv", ",")) {
            h.createUpdate("INSERT INTO events (id, organization_id, title, starts_at, organizer_user_id) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, r[0]).bind(1, r[1]).bind(2, r[2]).bind(3, instant(r[3])).bind(4, blank(r[4])).execute();
        }
        for (String[] r : rows("event_attendance.csv", ",")) {
            Boolean reg = yesNo(r[2]);
            h.createUpdate("INSERT INTO event_attendance (event_id, user_id, registered, attended) VALUES (?, ?, ?, ?)")
                    .bind(0, r[0]).bind(1, r[1]).bind(2, reg == null || reg).bind(3, yesNo(r[3])).execute();
        }
        for (String[] r : rows("assignments.csv", ",")) {
            h.createUpdate("INSERT INTO assignments (id, peer_mentor_id, status, completed_at, honorarium_amount) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, r[0]).bind(1, r[1]).bind(2, r[2]).bind(3, r[3].isEmpty() ? null : instant(r[3]))
                    .bind(4, dec(r[4])).execute();
        }
        for (String[] r : rows("activities.csv", ";")) {
            h.createUpdate("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at,
                      duration_minutes, contact_id, approval_status, travel_km) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .bind(0, r[0]).bind(1, r[1]).bind(2, r[2]).bind(3, r[3]).bind(4, r[4]).bind(5, instant(r[5]))
                    .bind(6, Integer.parseInt(r[6])).bind(7, blank(r[7])).bind(8, r[8]).bind(9, dec(r[9].replace(',', '.')))
                    .execute();
        }
    }

    static BigDecimal dec(String s) {
        return s == null || s.isEmpty() ? null : new BigDecimal(s);
    }

    static Integer integer(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

}

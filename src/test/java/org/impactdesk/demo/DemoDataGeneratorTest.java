package org.impactdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {

    @TempDir
    static Path tmp;
    static Path demo;
    static Map<String, List<NamedCsvRecord>> files = new HashMap<>();

    @BeforeAll
    static void writeDemo() throws IOException {
        demo = tmp.resolve("demo");
        DemoDataGenerator.write(DemoSpec.demo(150, 3, DemoSpec.DEMO_SEED), demo);
        for (String f : DemoDataGenerator.FILES) {
            files.put(f, read(demo.resolve(f)));
        }
    }

    static List<NamedCsvRecord> read(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(file)) {
            List<NamedCsvRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        }
    }

    static List<NamedCsvRecord> rows(String file) {
        return files.get(file);
    }

    static Map<String, NamedCsvRecord> byId(String file) {
        Map<String, NamedCsvRecord> m = new HashMap<>();
        for (NamedCsvRecord r : rows(file)) {
            assertThat(m.put(r.getField("id"), r)).as("duplicate id %s in %s", r.getField("id"), file).isNull();
        }
        return m;
    }

    @Test
    void sameSpecGivesTheSameBytesAndAnotherSeedOtherData() throws IOException {
        DemoSpec spec = DemoSpec.demo(40, 2, 7);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        DemoDataGenerator.write(spec, a);
        DemoDataGenerator.write(spec, b);
        DemoDataGenerator.write(DemoSpec.demo(40, 2, 8), c);
        for (String f : DemoDataGenerator.FILES) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(a.resolve("activities.csv"), c.resolve("activities.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void theCommittedDemoBundleIsWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of("data/demo");
        for (String f : DemoDataGenerator.FILES) {
            assertThat(Files.mismatch(committed.resolve(f), demo.resolve(f)))
                    .as("data/demo/%s differs from demo-data --mentors 150 --years 3 --seed %d", f, DemoSpec.DEMO_SEED)
                    .isEqualTo(-1L);
        }
        assertThat(Files.readString(committed.resolve("README.md"))).contains("fictional");
    }

    @Test
    void benchSpecWritesExactlyTheRequestedActivitiesWithUuidIds() throws IOException {
        Path dir = tmp.resolve("bench");
        DemoDataGenerator.Result r = DemoDataGenerator.write(DemoSpec.bench(12_345, 3, 1), dir);
        assertThat(r.activities()).isEqualTo(12_345);
        List<NamedCsvRecord> acts = read(dir.resolve("activities.csv"));
        assertThat(acts).hasSize(12_345);
        Set<String> ids = new HashSet<>();
        for (NamedCsvRecord a : acts) {
            assertThat(UUID.fromString(a.getField("id")).version()).isEqualTo(4);
            assertThat(ids.add(a.getField("id"))).isTrue();
            assertThat(LocalDate.parse(a.getField("started_at").substring(0, 10)).getYear()).isBetween(2023, 2025);
        }
        assertThat(read(dir.resolve("peer_mentors.csv"))).hasSize(62);
    }

    @Test
    void everyReferenceResolvesAndEveryValueIsValid() {
        Map<String, NamedCsvRecord> orgs = byId("organizations.csv");
        Map<String, NamedCsvRecord> las = byId("local_associations.csv");
        Map<String, NamedCsvRecord> users = byId("users.csv");
        Map<String, NamedCsvRecord> mentors = byId("peer_mentors.csv");
        Map<String, NamedCsvRecord> contacts = byId("contacts.csv");
        Map<String, NamedCsvRecord> types = byId("activity_types.csv");
        Map<String, NamedCsvRecord> events = byId("events.csv");
        byId("activities.csv");
        byId("assignments.csv");

        assertThat(orgs).hasSize(2);
        las.values().forEach(la -> assertThat(orgs).containsKey(la.getField("organization_id")));
        types.values().forEach(t -> assertThat(t.getField("name_nb")).isNotBlank());
        Set<String> roles = Set.of("peer_mentor", "coordinator", "org_admin", "global_admin");
        for (NamedCsvRecord u : users.values()) {
            List<String> rs = List.of(u.getField("roles").split("\\|"));
            assertThat(roles).containsAll(rs);
            if (rs.contains("global_admin")) {
                assertThat(u.getField("organization_id")).isEmpty();
            } else {
                assertThat(orgs).containsKey(u.getField("organization_id"));
            }
            if (rs.contains("coordinator")) {
                assertThat(u.getField("local_association_ids")).isNotEmpty();
                for (String la : u.getField("local_association_ids").split("\\|")) {
                    assertThat(las.get(la).getField("organization_id")).isEqualTo(u.getField("organization_id"));
                }
            }
        }
        Set<String> mentorUsers = new HashSet<>();
        for (NamedCsvRecord m : mentors.values()) {
            NamedCsvRecord u = users.get(m.getField("user_id"));
            assertThat(u).isNotNull();
            assertThat(u.getField("roles")).contains("peer_mentor");
            assertThat(mentorUsers.add(m.getField("user_id"))).isTrue();
            assertThat(u.getField("organization_id")).isEqualTo(m.getField("organization_id"));
            List<String> memberships = List.of(m.getField("local_association_ids").split("\\|"));
            assertThat(memberships).hasSizeBetween(1, 5).doesNotHaveDuplicates().contains(m.getField("primary_local_association_id"));
            memberships.forEach(la -> assertThat(las.get(la).getField("organization_id")).isEqualTo(m.getField("organization_id")));
            assertThat(m.getField("status")).isIn("active", "paused", "inactive");
            if (!m.getField("started_on").isEmpty()) {
                LocalDate.parse(m.getField("started_on"));
            }
        }
        contacts.values().forEach(c -> assertThat(orgs).containsKey(c.getField("organization_id")));
        for (NamedCsvRecord a : rows("activities.csv")) {
            NamedCsvRecord m = mentors.get(a.getField("peer_mentor_id"));
            assertThat(m).as("activity %s mentor", a.getField("id")).isNotNull();
            assertThat(a.getField("organization_id")).isEqualTo(m.getField("organization_id"));
            assertThat(m.getField("local_association_ids").split("\\|")).contains(a.getField("local_association_id"));
            assertThat(types).containsKey(a.getField("activity_type"));
            OffsetDateTime.parse(a.getField("started_at"));
            assertThat(Integer.parseInt(a.getField("duration_minutes"))).isBetween(1, 1440);
            assertThat(a.getField("approval_status")).isIn("approved", "pending", "flagged", "rejected");
            if (!a.getField("contact_id").isEmpty()) {
                assertThat(contacts.get(a.getField("contact_id")).getField("organization_id")).isEqualTo(a.getField("organization_id"));
            }
            if (!a.getField("travel_km").isEmpty()) {
                assertThat(new java.math.BigDecimal(a.getField("travel_km"))).isNotNegative();
            }
            if (!a.getField("event_id").isEmpty()) {
                assertThat(events.get(a.getField("event_id")).getField("organization_id")).isEqualTo(a.getField("organization_id"));
            }
        }
        for (NamedCsvRecord e : events.values()) {
            assertThat(orgs).containsKey(e.getField("organization_id"));
            OffsetDateTime.parse(e.getField("starts_at"));
            if (!e.getField("organizer_user_id").isEmpty()) {
                assertThat(users).containsKey(e.getField("organizer_user_id"));
            }
        }
        Set<String> attendanceKeys = new HashSet<>();
        for (NamedCsvRecord at : rows("event_attendance.csv")) {
            assertThat(events).containsKey(at.getField("event_id"));
            assertThat(users).containsKey(at.getField("user_id"));
            assertThat(attendanceKeys.add(at.getField("event_id") + "|" + at.getField("user_id"))).isTrue();
            assertThat(at.getField("registered")).isIn("true", "false");
            assertThat(at.getField("attended")).isIn("true", "false");
        }
        for (NamedCsvRecord as : rows("assignments.csv")) {
            assertThat(mentors).containsKey(as.getField("peer_mentor_id"));
            assertThat(as.getField("status")).isIn("open", "completed", "cancelled");
            assertThat(as.getField("completed_at").isEmpty()).isEqualTo(!as.getField("status").equals("completed"));
        }
    }

    @Test
    void organisationsDifferInTheirSettings() {
        List<NamedCsvRecord> orgs = rows("organizations.csv");
        NamedCsvRecord a = orgs.get(0);
        NamedCsvRecord b = orgs.get(1);
        assertThat(a.getField("time_zone")).isEqualTo("Europe/Oslo");
        assertThat(b.getField("time_zone")).isEqualTo("Europe/London");
        assertThat(a.getField("hourly_rate")).isEqualTo("420.00");
        assertThat(b.getField("hourly_rate")).isEmpty();
        assertThat(a.getField("impact_summary_enabled")).isEqualTo("true");
        assertThat(b.getField("impact_summary_enabled")).isEqualTo("false");
        assertThat(a.getField("enabled_modules")).contains("achievements-gamification");
        assertThat(b.getField("enabled_modules")).isEmpty();
        assertThat(a.getField("quarterly_overloaded_sessions")).isNotEqualTo(b.getField("quarterly_overloaded_sessions"));
        assertThat(rows("peer_mentors.csv").stream().filter(m -> m.getField("organization_id").equals(b.getField("id"))).count())
                .isBetween(30L, 45L);
    }

    /** Counts per local date of approved and all activities. */
    static Map<LocalDate, Integer> perDay() {
        Map<LocalDate, Integer> m = new HashMap<>();
        for (NamedCsvRecord a : rows("activities.csv")) {
            m.merge(LocalDate.parse(a.getField("started_at").substring(0, 10)), 1, Integer::sum);
        }
        return m;
    }

    static double perDayIn(Map<LocalDate, Integer> counts, java.util.function.Predicate<LocalDate> when) {
        long days = 0;
        long n = 0;
        for (LocalDate d = LocalDate.of(2023, 1, 1); !d.isAfter(LocalDate.of(2025, 12, 31)); d = d.plusDays(1)) {
            if (when.test(d)) {
                days++;
                n += counts.getOrDefault(d, 0);
            }
        }
        return (double) n / days;
    }

    @Test
    void seasonsWeekdaysAndTheCampaignWeekShowInTheCounts() {
        Map<LocalDate, Integer> c = perDay();
        double autumn = perDayIn(c, d -> d.getMonthValue() >= 9 && d.getMonthValue() <= 11);
        double july = perDayIn(c, d -> d.getMonthValue() == 7);
        double lateDecember = perDayIn(c, d -> d.getMonthValue() == 12 && d.getDayOfMonth() >= 20);
        double earlyDecember = perDayIn(c, d -> d.getMonthValue() == 12 && d.getDayOfMonth() < 20);
        double weekdays = perDayIn(c, d -> d.getDayOfWeek().getValue() <= 4);
        double sundays = perDayIn(c, d -> d.getDayOfWeek() == DayOfWeek.SUNDAY);
        double campaign = perDayIn(c, d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == 38);
        double around = perDayIn(c, d -> Math.abs(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 38) == 2);
        assertThat(july).isLessThan(autumn * 0.4);
        assertThat(lateDecember).isLessThan(earlyDecember * 0.5);
        assertThat(sundays).isLessThan(weekdays * 0.4);
        assertThat(campaign).isGreaterThan(around * 1.3);
    }

    @Test
    void someMentorsAreUnderactiveAndSomeOverloadedInEveryClosedQuarter() {
        Map<String, NamedCsvRecord> mentors = byId("peer_mentors.csv");
        Map<String, Integer> sessions = new HashMap<>();
        for (NamedCsvRecord a : rows("activities.csv")) {
            if (a.getField("organization_id").equals("org-fjordlys") && a.getField("approval_status").equals("approved")) {
                LocalDate d = LocalDate.parse(a.getField("started_at").substring(0, 10));
                int q = (d.getMonthValue() - 1) / 3 + 1;
                sessions.merge(a.getField("peer_mentor_id") + "|" + d.getYear() + "|" + q, 1, Integer::sum);
            }
        }
        for (int y = 2023; y <= 2025; y++) {
            for (int q = 1; q <= 4; q++) {
                String suffix = "|" + y + "|" + q;
                long overloaded = sessions.entrySet().stream().filter(e -> e.getKey().endsWith(suffix) && e.getValue() > 35).count();
                long underactive = sessions.entrySet().stream().filter(e -> e.getKey().endsWith(suffix) && e.getValue() < 4).count();
                assertThat(overloaded).as("overloaded (> 35) in %d Q%d", y, q).isGreaterThanOrEqualTo(2);
                assertThat(underactive).as("underactive (< 4, with an activity) in %d Q%d", y, q).isGreaterThanOrEqualTo(2);
            }
        }
        // mentors with too little data for a Wrapped in 2025, and mentors who started during the range
        Map<String, Integer> year2025 = new HashMap<>();
        sessions.forEach((k, v) -> {
            if (k.contains("|2025|")) {
                year2025.merge(k.substring(0, k.indexOf('|')), v, Integer::sum);
            }
        });
        assertThat(year2025.values().stream().filter(v -> v < 5).count()).isGreaterThanOrEqualTo(2);
        assertThat(mentors.values().stream().filter(m -> m.getField("started_on").isEmpty()).count()).isGreaterThanOrEqualTo(5);
        assertThat(mentors.values().stream().filter(m -> !m.getField("started_on").isEmpty()
                && LocalDate.parse(m.getField("started_on")).getYear() >= 2024).count()).isGreaterThanOrEqualTo(10);
        assertThat(mentors.values().stream().map(m -> m.getField("status")).distinct()).contains("active", "paused", "inactive");
        assertThat(mentors.values().stream().mapToInt(m -> m.getField("local_association_ids").split("\\|").length).max())
                .hasValue(5);
    }

    @Test
    void reviewStatesEventsAndAssignmentsAreAllPresent() {
        Map<String, Long> status = new HashMap<>();
        rows("activities.csv").forEach(a -> status.merge(a.getField("approval_status"), 1L, Long::sum));
        long total = rows("activities.csv").size();
        assertThat(status.get("approved")).isGreaterThan(total * 9 / 10);
        assertThat(status.get("pending")).isGreaterThan(total / 100);
        assertThat(status.get("flagged")).isGreaterThan(total / 200);
        assertThat(status.get("rejected")).isGreaterThan(total / 200);
        assertThat(rows("activities.csv").stream().filter(a -> !a.getField("event_id").isEmpty()).count()).isGreaterThan(50);

        List<NamedCsvRecord> att = rows("event_attendance.csv");
        assertThat(att.stream().filter(a -> a.getField("registered").equals("false") && a.getField("attended").equals("true")).count())
                .as("walk-ins").isGreaterThan(20);
        assertThat(att.stream().filter(a -> a.getField("registered").equals("true") && a.getField("attended").equals("false")).count())
                .as("no-shows").isGreaterThan(20);
        Set<String> mentorUsers = new HashSet<>();
        rows("peer_mentors.csv").forEach(m -> mentorUsers.add(m.getField("user_id")));
        assertThat(rows("events.csv").stream().filter(e -> mentorUsers.contains(e.getField("organizer_user_id"))).count())
                .as("events organised by a peer mentor").isGreaterThan(5);

        List<NamedCsvRecord> asg = rows("assignments.csv");
        assertThat(asg.stream().filter(a -> a.getField("status").equals("completed") && !a.getField("honorarium_amount").isEmpty()).count())
                .isGreaterThan(100);
        assertThat(asg.stream().map(a -> a.getField("status")).distinct()).contains("open", "cancelled");
        // London time for the UK organisation: winter offsets +00:00
        assertThat(rows("activities.csv").stream().filter(a -> a.getField("organization_id").equals("org-nordsjo"))
                .anyMatch(a -> a.getField("started_at").endsWith("+00:00"))).isTrue();
        assertThat(ZoneId.of(rows("organizations.csv").get(1).getField("time_zone"))).isEqualTo(ZoneId.of("Europe/London"));
    }
}

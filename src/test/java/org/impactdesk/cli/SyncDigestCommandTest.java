package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.Period;
import org.impactdesk.service.digest.StoredDigestService;
import org.impactdesk.service.followup.FollowUpService;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.store.Database;
import org.impactdesk.store.DigestDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 5 on the command line, where a sync is {@code import} and the {@code generate}
 * after it: an import that leaves summaries to bring up to date queues no digest (it would show the
 * state before them) and marks it due; the generate after it queues one digest for the opted-in
 * coordinator, with the mentor only it flags; a second generate, or an import that changes
 * nothing, queues none again. The bundle's sessions lie in the last two closed quarters of today (the
 * digest compares them), so the test holds on any date. No e-mail server: the digest waits queued.
 */
class SyncDigestCommandTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @TempDir
    Path dir;
    Path db;
    Period.Quarter last;
    Period.Quarter before;

    CliRun.Result cli(String... args) {
        CliRun.Result r = CliRun.onDatabase(db, args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @BeforeEach
    void quarters() {
        db = dir.resolve("db");
        last = (Period.Quarter) HomeService.lastClosed(HomeService.PeriodKind.QUARTER, LocalDate.now(Clock.system(OSLO)));
        before = (Period.Quarter) FollowUpService.previous(last);
    }

    /**
     * The example bundle with only these sessions: every mentor 5 in each of the two quarters
     * (normal: 4 to 8), Mira (pm-1, in Kim's la-2) {@code miraLast} in the last one, of which those
     * after the first {@code miraApproved} are rejected (not counted).
     */
    Path bundle(String name, int miraLast, int miraApproved) throws Exception {
        Path bundle = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(Path.of("src/test/resources/example/bundle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
        StringBuilder csv = new StringBuilder("id;organization_id;local_association_id;peer_mentor_id;activity_type;"
                + "started_at;duration_minutes;contact_id;approval_status;travel_km\n");
        String[][] mentors = {{"pm-1", "la-2"}, {"pm-2", "la-1"}, {"pm-3", "la-2"}};
        for (String[] m : mentors) {
            sessions(csv, m[0], m[1], before, 5, 5);
            sessions(csv, m[0], m[1], last, m[0].equals("pm-1") ? miraLast : 5, m[0].equals("pm-1") ? miraApproved : 5);
        }
        Files.writeString(bundle.resolve("activities.csv"), csv);
        return bundle;
    }

    static void sessions(StringBuilder csv, String pm, String la, Period.Quarter q, int n, int approved) {
        LocalDate first = LocalDate.of(q.year(), q.quarter() * 3 - 2, 1);
        for (int i = 0; i < n; i++) {
            ZonedDateTime at = first.plusDays(4L * i + 2).atTime(10, 0).atZone(OSLO);
            csv.append("act-").append(pm).append('-').append(q.year()).append('q').append(q.quarter()).append('-').append(i)
                    .append(';').append("org-1;").append(la).append(';').append(pm).append(";support_group;")
                    .append(at.toOffsetDateTime()).append(";60;;").append(i < approved ? "approved" : "rejected").append(";\n");
        }
    }

    void generate() {
        for (int year : new TreeSet<>(List.of(before.year(), last.year()))) {
            cli("generate", "--year", String.valueOf(year));
        }
    }

    long count(String sql) {
        try (Database d = Database.open(db)) {
            return d.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    /** Each queued digest's lists, oldest first. */
    List<JsonNode> digests() {
        try (Database d = Database.open(db)) {
            List<JsonNode> out = new ArrayList<>();
            for (String json : d.jdbi().withHandle(h -> h.createQuery(
                    "SELECT content_json FROM sync_digests WHERE user_id = 'user-kim' ORDER BY synced_at, id").mapTo(String.class).list())) {
                out.add(Json.read(json));
            }
            return out;
        }
    }

    static List<String> names(JsonNode digest, String list) {
        List<String> out = new ArrayList<>();
        digest.path(list).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aSyncOnTheCommandLineIsTheImportAndTheGenerateAfterItAndSendsOneDigestOfTheStateAfterBoth() throws Exception {
        cli("import", bundle("normal", 5, 5).toString());
        generate();
        try (Database d = Database.open(db)) {
            new StoredDigestService(new DigestDao(d.jdbi()), Clock.systemUTC()).setOptedIn(ExampleDatabase.KIM, true);
        }
        Path busier = bundle("busier", 11, 11); // over 8: overloaded, once the summaries are generated

        cli("import", busier.toString());

        assertThat(digests()).as("summaries to bring up to date: no digest of the state before them").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due WHERE organization_id = 'org-1'")).isOne();

        generate();

        assertThat(digests()).singleElement().satisfies(d -> {
            assertThat(d.get("period").asText()).isEqualTo(last.toString());
            assertThat(names(d, "newlyOverloaded")).containsExactly("Mira Eksempel");
            assertThat(names(d, "backToNormal")).isEmpty();
        });
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests' AND sent_at IS NULL"))
                .as("queued for Kim, waiting for an e-mail server").isOne();

        // a second generate, or an import that changes nothing: the same sync, no second digest
        generate();
        cli("import", busier.toString());
        assertThat(digests()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();

        // the next sync (9 of Mira's 11 sessions rejected after all: 2 count, under 4) has its own digest, after its generate
        cli("import", bundle("rejected", 11, 2).toString());
        assertThat(digests()).hasSize(1);
        generate();
        assertThat(digests()).hasSize(2);
        assertThat(names(digests().get(1), "newlyUnderactive")).containsExactly("Mira Eksempel");
        assertThat(names(digests().get(1), "newlyOverloaded")).isEmpty();
    }
}

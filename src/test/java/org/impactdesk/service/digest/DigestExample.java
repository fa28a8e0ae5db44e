package org.impactdesk.service.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.Period;
import org.impactdesk.service.Services;
import org.impactdesk.service.followup.StoredFollowUpService;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationListener;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.service.importing.BundleSyncGateway;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;

/**
 * The worked example as the digest tests need it, in summer 2025 (the last closed quarter is Q2,
 * compared with Q1): synced and generated (no stale mark left), with Home's lists of Kim (la-2) set
 * by hand: Mira (pm-1) overloaded in Q1 and normal in Q2, Jonas (pm-2, la-1) newly underactive,
 * Sofie (pm-3) underactive in both and followed up by Kim in Q1. {@link #fewerForMira} is a sync that
 * changes what only the regeneration reveals: Mira underactive in Q2.
 */
final class DigestExample {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-10T08:00:00Z"), ZoneOffset.UTC);
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private DigestExample() {
    }

    static void prepare(Database db) {
        ExampleDatabase.fill(db);
        // as a sync leaves it: the bundle imported (the fixture writes no enabled_modules: the import changes the
        // organisation and marks every mentor's years stale) and those years generated, so no mark is left
        new BundleImporter(db, CLOCK).importBundle(ExampleBundleFixture.BUNDLE, ImportOptions.allOrNothing(),
                Actor.localOperator(), null);
        new Services(db).generation.generate(new GenerationRequest(Set.of(2024, 2025), GenerationRequest.Selection.ALL,
                null, ExampleDatabase.AS_OF, false), Actor.localOperator());
        assertThat(count(db, "SELECT COUNT(*) FROM stale_summary_inputs")).as("nothing left to regenerate").isZero();
        // Mira pm-1: overloaded -> normal; Jonas pm-2: normal -> underactive; Sofie pm-3: underactive -> underactive
        status(db, "pm-1", 1, "overloaded");
        status(db, "pm-1", 2, "normal");
        status(db, "pm-2", 1, "normal");
        status(db, "pm-2", 2, "underactive");
        status(db, "pm-3", 1, "underactive");
        status(db, "pm-3", 2, "underactive");
        followUps(db).save(ExampleDatabase.KIM, "pm-3", new Period.Quarter(2025, 1), LocalDate.of(2025, 4, 3),
                "called, agreed to meet in May");
    }

    static StoredFollowUpService followUps(Database db) {
        return new StoredFollowUpService(new FollowUpDao(db.jdbi()), CLOCK);
    }

    static void status(Database db, String pm, int quarter, String status) {
        db.jdbi().useHandle(h -> h.execute("""
                UPDATE periodic_summaries SET outlier_status = ? WHERE peer_mentor_id = ? AND coordinator_id IS NULL
                AND period_type = 'quarterly' AND year = 2025 AND quarter = ?""", status, pm, quarter));
    }

    static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Mira's own Q2 2025 row's outlier status. */
    static String miraInQ2(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT outlier_status FROM periodic_summaries WHERE peer_mentor_id = 'pm-1' AND coordinator_id IS NULL
                AND period_type = 'quarterly' AND year = 2025 AND quarter = 2""").mapTo(String.class).one());
    }

    static SyncDigests digests(Database db, NotificationSender mail) {
        return new SyncDigests(db, new ActorDao(db.jdbi())::find, followUps(db), a -> OSLO, mail, CLOCK);
    }

    /** The window's Sync, as Services wires it: the import, the regeneration after it, then the digests. */
    static BundleSyncGateway window(Database db, NotificationSender mail, SyncDigests digests,
                                    List<GenerationListener> listeners) {
        return new BundleSyncGateway(db, new BundleImporter(db, CLOCK, digests),
                new GenerationService(db, mail, listeners, CLOCK, Locale.ENGLISH), digests);
    }

    /**
     * A copy of the example bundle where two of Mira's three Q2 2025 sessions (act-122, act-123, in la-1) were
     * rejected on the platform, and a rejected one in Kim's la-2 (act-990) is new: 1 session counts, under 4,
     * underactive; only a regeneration sees it. A coordinator of la-2 (Kim) imports only act-990.
     */
    static Path fewerForMira(Path dir) throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("fewer-for-mira"));
        try (var files = Files.list(ExampleBundleFixture.BUNDLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, bundle.resolve(f.getFileName()));
            }
        }
        Path activities = bundle.resolve("activities.csv");
        String text = Files.readString(activities);
        for (String id : List.of("act-122", "act-123")) {
            String line = text.lines().filter(l -> l.startsWith(id + ";")).findFirst().orElseThrow();
            text = text.replace(line, line.replace(";approved;", ";rejected;"));
        }
        text = (text.endsWith("\n") ? text : text + "\n")
                + "act-990;org-1;la-2;pm-1;support_group;2025-05-27T18:00:00+02:00;90;;rejected;\n";
        Files.writeString(activities, text);
        return bundle;
    }

    /** The text of each digest Kim received (not the other messages to her, e.g. her team's summaries), in order. */
    static List<String> kimsDigests(GreenMailExtension smtp) throws MessagingException, IOException {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals("kim@example.com")
                    && m.getSubject().equals("Since the last sync: what changed for your team")) {
                out.add(((String) m.getContent()).replace("\r\n", "\n")); // SMTP carries CRLF
            }
        }
        return out;
    }
}

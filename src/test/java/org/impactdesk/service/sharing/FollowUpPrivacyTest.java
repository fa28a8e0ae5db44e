package org.impactdesk.service.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Period;
import org.impactdesk.service.followup.StoredFollowUpService;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.TeamDao;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.team.TeamViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A follow-up note's text never reaches the Team CSV export or a share card (PDF text, PNG chunks, model). */
@MigratedH2
class FollowUpPrivacyTest {
    static final String SECRET = "SECRETNOTE knee surgery";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theTeamCsvHoldsNoNoteText(Database db) throws Exception {
        ExampleDatabase.fill(db);
        new StoredFollowUpService(new FollowUpDao(db.jdbi()), CLOCK)
                .save(ExampleDatabase.KIM, "pm-3", new Period.Quarter(2025, 1), LocalDate.of(2025, 4, 8), SECRET);
        TeamViewModel vm = new TeamViewModel(new StoredTeamService(db.jdbi().onDemand(TeamDao.class), CLOCK),
                ExampleDatabase.KIM, new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                new ScriptedDialogs(), (pm, y) -> { });
        vm.show(new Period.Quarter(2025, 1), TeamViewModel.StatusFilter.ALL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vm.writeCsv(out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Sofie Demo").doesNotContain("SECRETNOTE").doesNotContain("knee");
    }

    @Test
    void aShareCardHoldsNoNoteText(Database db) throws Exception {
        WrappedFixtures.people(db);
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        new FollowUpDao(db.jdbi()).save(WrappedFixtures.COORDINATOR, Scope.everything(), WrappedFixtures.MENTOR,
                new Period.Quarter(2025, 4), LocalDate.of(2026, 1, 5), SECRET, CLOCK.instant()).orElseThrow();
        ShareService share = new ShareService(new ShareDao(db.jdbi()));
        Path png = tmp.resolve("card.png");
        Path pdf = tmp.resolve("card.pdf");
        share.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, pdf, Locale.ENGLISH);

        assertThat(SharePrivacyTest.pdfText(pdf)).contains("2025").doesNotContain("SECRETNOTE").doesNotContain("knee");
        assertThat(String.join("\n", SharePrivacyTest.pngTextChunks(Files.readAllBytes(png)))).doesNotContain("SECRETNOTE");
        assertThat(String.valueOf(share.card(WrappedFixtures.MENTOR, 2025, Scope.everything())))
                .doesNotContain("SECRETNOTE").doesNotContain("knee");
    }
}

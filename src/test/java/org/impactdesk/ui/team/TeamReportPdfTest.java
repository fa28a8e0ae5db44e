package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.TeamReport;
import org.impactdesk.service.team.FakeTeamReader;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/** The Team report PDF: read back as text, it has the mentors shown and no note text unless the user chose it. */
class TeamReportPdfTest {
    static final String NOTE = "PRIVATE-NOTE she moves in May";
    final FakeTeamReader reader = FakeTeamReader.sample();
    final FakeFollowUpService followUps = new FakeFollowUpService();

    record Screen(TeamViewModel team, TeamSidePanelViewModel panel, TeamReportViewModel report) {
    }

    Screen screen(Locale locale) {
        reader.standings.add(new MentorStanding("pm-4", "paused", null));
        followUps.months.put("pm-3", new int[] {4, 2, 0, 1, 3, 5, 2, 0, 0, 1, 1, 0});
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new ScriptedDialogs(),
                (pm, y) -> { });
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, followUps, TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), () -> followUps.today);
        team.start();
        team.selectedProperty().set(TeamViewModelTest.line(team, "Sofie Demo"));
        panel.draftNoteProperty().set(NOTE);
        panel.save();
        return new Screen(team, panel, new TeamReportViewModel(team, panel, TeamViewModelTest.KIM,
                new SameThreadTaskRunner(), new ScriptedDialogs(), () -> followUps.today));
    }

    static String text(TeamReportViewModel vm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        vm.write(out, LocalDate.of(2025, 4, 10));
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 landscape").isEqualTo(PDRectangle.A4.getHeight());
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theReportHasTheMentorsShownTheMarksAndNoNoteText() throws Exception {
        Screen s = screen(Locale.ENGLISH);
        String pdf = text(s.report());
        assertThat(pdf).contains("Team report · Q1 2025", "Made by Kim Koordinator", "Team of Kim Koordinator",
                "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo", "Followed up", "Paused",
                "Thresholds used: underactive below 4 sessions, overloaded above 8 sessions", "page 1 of 1");
        assertThat(pdf).doesNotContain("PRIVATE-NOTE").doesNotContain("moves in May");

        s.report().includeMarksProperty().set(false);
        assertThat(text(s.report())).doesNotContain("Followed up").contains("Sofie Demo");
    }

    @Test
    void theNoteTextsGoInOnlyWhenChosenAndTheFiltersApply() throws Exception {
        Screen s = screen(Locale.ENGLISH);
        s.report().includeNotesProperty().set(true);
        assertThat(text(s.report())).contains("Follow-up notes (private)", "PRIVATE-NOTE she moves in May");

        s.report().includeNotesProperty().set(false);
        s.team().statusFilterProperty().set(TeamViewModel.StatusFilter.OVERLOADED);
        String pdf = text(s.report());
        assertThat(pdf).contains("Jonas Prøvesen", "Mira Eksempel", "filtered: Overloaded").doesNotContain("Sofie Demo");
        TeamReport report = s.report().report(LocalDate.of(2025, 4, 10));
        assertThat(report.rows()).hasSize(3);
        assertThat(report.rows().get(0).team()).isTrue();
        assertThat(report.rows().get(0).months()).isNull();
    }

    @Test
    void inNorwegian() throws Exception {
        Screen s = screen(Locale.forLanguageTag("nb-NO"));
        String pdf = text(s.report());
        assertThat(pdf).contains("Teamrapport", "Laget av Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.", "Pause",
                "side 1 av 1").doesNotContain("PRIVATE-NOTE");
    }

    @Test
    void aLongTeamRunsOverPagesWithTheHeaderOnEach() throws Exception {
        for (int i = 0; i < 80; i++) {
            reader.mentors.add(new org.impactdesk.domain.StoredLine("pm-x" + i, "user-x" + i, null, "Extra Mentor " + i, 5,
                    new java.math.BigDecimal("4.00"), null, null, null, null, null, "normal", 4, 8));
        }
        Screen s = screen(Locale.ENGLISH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.report().write(out, LocalDate.of(2025, 4, 10));
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            assertThat(last.getText(doc)).contains("Name", "Sessions", "page " + doc.getNumberOfPages() + " of "
                    + doc.getNumberOfPages());
            assertThat(new PDFTextStripper().getText(doc)).contains("Extra Mentor 79");
        }
    }
}

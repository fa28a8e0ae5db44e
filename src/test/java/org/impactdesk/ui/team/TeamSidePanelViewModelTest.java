package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodRow;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.service.team.FakeTeamReader;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.team.TeamSidePanelViewModel.NoteItem;
import org.impactdesk.ui.team.TeamViewModel.StatusFilter;
import org.junit.jupiter.api.Test;

/**
 * The side panel without the toolkit: the rule in words with the stored thresholds, the team's
 * median, the last four periods, and the private follow-ups (create, carry into the next period,
 * edit, delete; another coordinator sees none).
 */
class TeamSidePanelViewModelTest {
    static final Actor KIM = TeamViewModelTest.KIM;
    static final Actor LIV = new Actor("user-liv", "Liv Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Period Q4_24 = new Period.Quarter(2024, 4);
    static final Period Q1 = new Period.Quarter(2025, 1);

    final FakeTeamReader reader = FakeTeamReader.sample();
    final FakeFollowUpService followUps = new FakeFollowUpService();

    TeamSidePanelViewModelTest() {
        reader.standings.add(new MentorStanding("pm-3", "active", LocalDate.of(2023, 5, 2)));
        followUps.started.put("pm-3", LocalDate.of(2023, 5, 2));
        // Sofie: underactive in Q3 and Q4 2024 (threshold 4), underactive again in Q1 2025 (2 sessions)
        followUps.rows.put("pm-3", List.of(
                new PeriodRow(new Period.Quarter(2024, 3), 1, OutlierStatus.UNDERACTIVE, 4, 8),
                new PeriodRow(Q4_24, 3, OutlierStatus.UNDERACTIVE, 4, 8),
                new PeriodRow(Q1, 2, OutlierStatus.UNDERACTIVE, 4, 8)));
        followUps.rows.put("pm-1", List.of(new PeriodRow(Q4_24, 2, OutlierStatus.UNDERACTIVE, 4, 8),
                new PeriodRow(Q1, 9, OutlierStatus.OVERLOADED, 4, 8)));
    }

    record Screen(TeamViewModel team, TeamSidePanelViewModel panel) {
        void select(String name) {
            team.selectedProperty().set(TeamViewModelTest.line(team, name));
        }
    }

    Screen screen(Actor actor, Locale locale) {
        TeamViewModel team = new TeamViewModel(new StoredTeamService(reader, TeamViewModelTest.APRIL), actor,
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new ScriptedDialogs(),
                (pm, year) -> { });
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, followUps, actor, new SameThreadTaskRunner(),
                () -> followUps.today);
        team.start();
        return new Screen(team, panel);
    }

    @Test
    void theRuleInWordsNamesTheSessionsAndTheThresholdStoredWithTheQuarter() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        assertThat(p.openProperty().get()).isTrue();
        assertThat(p.titleProperty().get()).isEqualTo("Sofie Demo");
        assertThat(p.ruleProperty().get())
                .isEqualTo("Underactive: 2 sessions in Q1 2025; the threshold is 4, as set when the quarter was generated.");
        // the team's stored sessions: 0, 2, 9, 1234 -> median 5.5, middle half 1.5 to 9 + 0.25 * 1225 = 315.3
        assertThat(p.spreadProperty().get()).isEqualTo(
                "2 sessions against the team's median of 5.5 and middle half of 1.5 to 315.3 (4 mentors): within the middle half.");
        assertThat(p.profileProperty().get()).isEqualTo("Profile: active · started 02/05/2023".replace("02/05/2023",
                new org.impactdesk.ui.fx.Formats(Locale.ENGLISH).date(LocalDate.of(2023, 5, 2))));
        assertThat(p.recentPeriods()).extracting(TeamSidePanelViewModel.RecentPeriod::period)
                .containsExactly("Q1 2025", "Q4 2024", "Q3 2024", "Q2 2024");
        assertThat(p.recentPeriods()).extracting(TeamSidePanelViewModel.RecentPeriod::sessions)
                .containsExactly("2 sessions", "3 sessions", "1 session", "no summary stored");

        s.select("Mira Eksempel");
        assertThat(p.ruleProperty().get())
                .isEqualTo("Overloaded: 9 sessions in Q1 2025; the limit is 8, as set when the quarter was generated.");
        assertThat(p.spreadProperty().get()).endsWith("within the middle half.");

        s.select("Jonas Prøvesen");
        assertThat(p.spreadProperty().get()).endsWith("above the middle half.");
        s.team().selectedProperty().set(s.team().rows().get(0)); // the team row: no panel
        assertThat(p.openProperty().get()).isFalse();
    }

    @Test
    void inNorwegianTheRuleReadsInNorwegian() {
        Screen s = screen(KIM, Locale.forLanguageTag("nb-NO"));
        s.select("Sofie Demo");
        assertThat(s.panel().ruleProperty().get())
                .isEqualTo("Lite aktiv: 2 økter i 1. kv. 2025; terskelen er 4, slik den var satt da kvartalet ble generert."
                        .replace("1. kv. 2025", s.team().periodText(Q1)));
    }

    @Test
    void aPausedMentorsRuleSaysPausedAndKeepsTheStoredStatus() {
        reader.standings.clear();
        reader.standings.add(new MentorStanding("pm-3", "paused", null));
        followUps.status.put("pm-3", "paused");
        followUps.started.remove("pm-3");
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        assertThat(s.panel().ruleProperty().get()).isEqualTo(
                "Paused: the profile is paused, so 2 sessions in Q1 2025 do not make an outlier (stored status: Underactive).");
        assertThat(s.panel().profileProperty().get()).isEqualTo("Profile: paused · start date unknown");
        assertThat(s.panel().recentPeriods().get(0).status()).isEqualTo("Paused");
    }

    @Test
    void markingFollowedUpShowsTheMarkAndLeavesTheFlaggedNotFollowedUpFilter() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.team().statusFilterProperty().set(StatusFilter.FLAGGED_NOT_FOLLOWED_UP);
        assertThat(TeamViewModelTest.names(s.team())).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.",
                "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo");
        s.team().statusFilterProperty().set(StatusFilter.ALL);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        assertThat(p.editorTitleProperty().get()).isEqualTo("Follow-up for Q1 2025");
        assertThat(p.draftDateProperty().get()).as("today by default").isEqualTo(followUps.today);
        p.draftNoteProperty().set("  Called her; she is back after Easter.  ");
        p.draftDateProperty().set(LocalDate.of(2025, 4, 8));
        assertThat(p.canSaveProperty().get()).isTrue();
        p.save();

        assertThat(p.messageProperty().get()).isEqualTo("Follow-up of Sofie Demo saved.");
        assertThat(p.currentProperty().get().note()).isEqualTo("Called her; she is back after Easter.");
        assertThat(p.notes()).extracting(NoteItem::heading).hasSize(1).first().asString().startsWith("Q1 2025: followed up");
        assertThat(p.notes().get(0).outcome()).isEqualTo("Next period, Q2 2025: not generated yet");
        assertThat(p.markText(TeamViewModelTest.line(s.team(), "Sofie Demo"))).startsWith("Followed up ");
        assertThat(p.markText(TeamViewModelTest.line(s.team(), "Mira Eksempel"))).isEmpty();

        s.team().statusFilterProperty().set(StatusFilter.FLAGGED_NOT_FOLLOWED_UP);
        assertThat(TeamViewModelTest.names(s.team())).containsExactly("Kim Koordinator", "Åse \"Lille\" Berg, Kvist; jr.",
                "Jonas Prøvesen", "Mira Eksempel");
    }

    @Test
    void aFollowUpIsCarriedIntoTheNextPeriodWithThatPeriodsStatusBesideIt() {
        reader.stored.add(new StoredPeriod("quarterly", 2024, 4, null));
        Screen s = screen(KIM, Locale.ENGLISH);
        s.team().periodProperty().set(Q4_24);
        s.select("Mira Eksempel");
        s.panel().draftNoteProperty().set("Asked about her availability");
        s.panel().draftDateProperty().set(LocalDate.of(2025, 1, 20));
        s.panel().save();

        s.team().periodProperty().set(Q1); // the next quarter: Mira is overloaded now
        assertThat(s.panel().markText(TeamViewModelTest.line(s.team(), "Mira Eksempel"))).isEqualTo("Followed up in Q4 2024");
        s.select("Mira Eksempel");
        assertThat(s.panel().currentProperty().get()).as("nothing yet for Q1 2025").isNull();
        NoteItem carried = s.panel().notes().get(0);
        assertThat(carried.heading()).startsWith("Q4 2024: followed up");
        assertThat(carried.note()).isEqualTo("Asked about her availability");
        assertThat(carried.outcome()).isEqualTo("Next period, Q1 2025: Overloaded (9 sessions)");
        assertThat(carried.current()).isFalse();
        s.team().statusFilterProperty().set(StatusFilter.FLAGGED_NOT_FOLLOWED_UP);
        assertThat(TeamViewModelTest.names(s.team())).as("last period's follow-up does not count for this one")
                .contains("Mira Eksempel");
    }

    @Test
    void editingReplacesAndDeletingRemovesTheFollowUp() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        p.draftNoteProperty().set("First call");
        p.save();
        s.select("Mira Eksempel");
        s.select("Sofie Demo");
        assertThat(p.draftNoteProperty().get()).as("the editor opens on the saved follow-up").isEqualTo("First call");
        p.draftNoteProperty().set("Second call: fine");
        p.save();
        assertThat(followUps.kept).hasSize(1);
        assertThat(p.notes()).extracting(NoteItem::note).containsExactly("Second call: fine");

        assertThat(p.canDeleteProperty().get()).isTrue();
        p.delete();
        assertThat(p.messageProperty().get()).isEqualTo("Follow-up of Sofie Demo deleted.");
        assertThat(followUps.kept).isEmpty();
        assertThat(p.notes()).isEmpty();
        assertThat(p.currentProperty().get()).isNull();
        assertThat(p.markText(TeamViewModelTest.line(s.team(), "Sofie Demo"))).isEmpty();
        assertThat(p.canDeleteProperty().get()).isFalse();
    }

    @Test
    void anotherCoordinatorSeesNoneOfTheFollowUps() {
        Screen kim = screen(KIM, Locale.ENGLISH);
        kim.select("Sofie Demo");
        kim.panel().draftNoteProperty().set("Private to Kim");
        kim.panel().save();

        Screen liv = screen(LIV, Locale.ENGLISH);
        liv.select("Sofie Demo");
        assertThat(liv.panel().notes()).isEmpty();
        assertThat(liv.panel().currentProperty().get()).isNull();
        assertThat(liv.panel().markText(TeamViewModelTest.line(liv.team(), "Sofie Demo"))).isEmpty();
        liv.team().statusFilterProperty().set(StatusFilter.FLAGGED_NOT_FOLLOWED_UP);
        assertThat(TeamViewModelTest.names(liv.team())).contains("Sofie Demo");
    }

    @Test
    void aBadDraftIsRefusedBesideTheFieldAndNothingIsSaved() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        p.draftDateProperty().set(LocalDate.of(2025, 4, 11));
        assertThat(p.draftErrorProperty().get()).startsWith("The date ").endsWith(" is after today.");
        assertThat(p.canSaveProperty().get()).isFalse();
        p.draftDateProperty().set(LocalDate.of(2025, 4, 1));
        p.draftNoteProperty().set("x".repeat(501));
        assertThat(p.draftErrorProperty().get()).isEqualTo("The note has 501 characters; at most 500.");
        p.draftNoteProperty().set("tab\there");
        assertThat(p.draftErrorProperty().get()).contains("control character");
        p.save();
        assertThat(followUps.kept).isEmpty();
        p.draftNoteProperty().set("fine\nwith a line break");
        assertThat(p.draftErrorProperty().get()).isEmpty();
    }

    @Test
    void theDateFieldShowsAndReadsDayDotMonthDotYearInNorwegian() {
        Screen s = screen(KIM, Locale.forLanguageTag("nb-NO"));
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        var field = p.dateConverter();
        assertThat(p.datePrompt()).isEqualTo("dd.mm.åååå");
        assertThat(field.toString(followUps.today)).isEqualTo("10.04.2025");
        assertThat(field.fromString("08.04.2025")).isEqualTo(LocalDate.of(2025, 4, 8));
        assertThat(field.fromString("8.4.25")).isEqualTo(LocalDate.of(2025, 4, 8));
        assertThat(p.draftErrorProperty().get()).isEmpty();
        assertThat(field.fromString("4/8/2025")).as("the English form keeps the date shown").isEqualTo(followUps.today);
        assertThat(p.draftErrorProperty().get()).isEqualTo(
                "Dato: «4/8/2025» er ikke en dato; skriv den som dd.mm.åååå, for eksempel 10.04.2025, eller velg den i kalenderen.");
    }

    @Test
    void theDateFieldShowsAndReadsTheEnglishFormInEnglish() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        var field = p.dateConverter();
        assertThat(p.datePrompt()).isEqualTo("m/d/yyyy");
        assertThat(field.toString(followUps.today)).isEqualTo("4/10/2025");
        assertThat(field.fromString("4/8/2025")).isEqualTo(LocalDate.of(2025, 4, 8));
        assertThat(field.fromString("2025-04-08")).isEqualTo(LocalDate.of(2025, 4, 8));
        assertThat(field.fromString("")).as("an emptied field").isNull();
    }

    @Test
    void aTypedNonDateBlocksSavingUntilADateIsTypedOrPicked() {
        Screen s = screen(KIM, Locale.ENGLISH);
        s.select("Sofie Demo");
        TeamSidePanelViewModel p = s.panel();
        p.draftNoteProperty().set("Called her.");
        var field = p.dateConverter();
        // as the date picker does: the converter's value becomes the field's value (here unchanged)
        p.draftDateProperty().set(field.fromString("2/31/2025"));
        assertThat(p.draftDateProperty().get()).isEqualTo(followUps.today);
        assertThat(p.draftErrorProperty().get()).isEqualTo(
                "Date: “2/31/2025” is not a date; write it as m/d/yyyy, e.g. 4/10/2025, or pick it from the calendar.");
        assertThat(p.canSaveProperty().get()).isFalse();
        p.save();
        assertThat(followUps.kept).isEmpty();

        p.draftDateProperty().set(field.fromString("4/10/2025")); // the same date typed right: no change event
        assertThat(p.draftErrorProperty().get()).isEmpty();
        field.fromString("soon");
        assertThat(p.canSaveProperty().get()).isFalse();
        p.draftDateProperty().set(LocalDate.of(2025, 4, 9)); // picked from the calendar
        assertThat(p.draftErrorProperty().get()).isEmpty();
        assertThat(p.canSaveProperty().get()).isTrue();
        p.save();
        assertThat(followUps.kept).hasSize(1);
    }

    @Test
    void aPeerMentorKeepsNoFollowUps() {
        Actor sofie = new Actor("user-sofie", "Sofie Demo", "org-1", Set.of(Role.PEER_MENTOR), "pm-3");
        Screen s = screen(sofie, Locale.ENGLISH);
        assertThat(s.panel().canFollowUpProperty().get()).isFalse();
        assertThat(followUps.asked).noneMatch(a -> a.startsWith("marks"));
    }
}

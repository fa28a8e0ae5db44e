package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The player's state machine, without the JavaFX toolkit. */
class WrappedViewModelTest {
    static final Actor ADMIN = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    FakeWrappedSource source;
    ScriptedDialogs dialogs;
    WrappedViewModel vm;

    @BeforeEach
    void setUp() {
        source = new FakeWrappedSource();
        source.mentors.add(new WrappedSource.MentorChoice("pm-mira", "Mira Q"));
        source.mentors.add(new WrappedSource.MentorChoice("pm-olaf", "Olaf O"));
        source.store("pm-mira", 2025, WrappedFixtures.wrappedPayload(), "ready", 0);
        source.store("pm-olaf", 2025, WrappedFixtures.encouragementPayload(), "insufficient", 0);
        dialogs = new ScriptedDialogs();
        vm = viewModel(Locale.ENGLISH);
    }

    WrappedViewModel viewModel(Locale locale) {
        return new WrappedViewModel(source, new SameThreadTaskRunner(), dialogs, ADMIN, locale,
                ResourceBundle.getBundle("i18n.messages", locale), () -> 2026);
    }

    @Test
    void theFirstPlainVisitPlaysTheFirstChoiceAndLaterChoicesWaitForShow() {
        vm.visit(null, null);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo("pm-mira");
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.slides()).as("played at once").hasSize(12);

        vm.mentorProperty().set(vm.mentors().get(1));
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.payloadProperty().get()).as("still Mira's until Show").isEqualTo(WrappedFixtures.wrappedPayload());
        vm.visit(null, null);
        assertThat(vm.payloadProperty().get()).isEqualTo(WrappedFixtures.wrappedPayload());
    }

    @Test
    void aVisitWithAMentorOpensTheirWrapped() {
        vm.visit("pm-olaf", 2025);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo("pm-olaf");
        assertThat(vm.payloadProperty().get()).isEqualTo(WrappedFixtures.encouragementPayload());
    }

    @Test
    void loadsTheMentorsAndTheNewestStoredYearAndPlaysFromTheStart() {
        vm.loadMentors();
        assertThat(vm.mentors()).hasSize(2);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo("pm-mira");
        assertThat(vm.years()).containsExactly(2026, 2025);
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        vm.load();
        assertThat(vm.slides()).hasSize(12);
        assertThat(vm.slideIndexProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.previewProperty().get()).isFalse();
        assertThat(vm.shareableProperty().get()).isTrue();
        assertThat(vm.statusTextProperty().get()).startsWith("Ready · generated").endsWith("frozen");
        // generated 08:30 UTC, shown in the organisation's zone (Oslo, UTC+1 in January), not the machine's
        assertThat(vm.statusTextProperty().get()).contains("9:30");
        assertThat(vm.lookerTextProperty().get()).contains("Ada Admin").contains("never counts");
    }

    @Test
    void theClockAdvancesSlidesAtTheChosenSpeedAndStopsAtTheEnd() {
        vm.show(WrappedFixtures.wrappedPayload(), false, true);
        vm.tick(WrappedViewModel.SLIDE_SECONDS / 2);
        assertThat(vm.slideIndexProperty().get()).isZero();
        assertThat(vm.slideProgressProperty().get()).isEqualTo(0.5);
        vm.tick(WrappedViewModel.SLIDE_SECONDS / 2);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(1);
        vm.speedProperty().set(WrappedViewModel.Speed.DOUBLE);
        vm.tick(WrappedViewModel.SLIDE_SECONDS / 2);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
        vm.speedProperty().set(WrappedViewModel.Speed.HALF);
        vm.tick(WrappedViewModel.SLIDE_SECONDS);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
        vm.pause();
        vm.tick(100);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
        vm.play();
        for (int i = 0; i < 20; i++) {
            vm.tick(WrappedViewModel.SLIDE_SECONDS * 2);
        }
        assertThat(vm.slideIndexProperty().get()).isEqualTo(11);
        assertThat(vm.endedProperty().get()).isTrue();
        assertThat(vm.playingProperty().get()).isFalse();
        vm.play();
        assertThat(vm.slideIndexProperty().get()).as("play at the end restarts").isZero();
    }

    @Test
    void countUpRisesToThePayloadsValueInHoursAsPeopleSayThem() {
        vm.show(WrappedFixtures.wrappedPayload(), false, true);
        vm.pause();
        vm.next();
        assertThat(vm.slideProperty().get().key()).isEqualTo("hours");
        assertThat(vm.figureTextProperty().get()).isEqualTo("0.0");
        vm.play();
        vm.tick(WrappedViewModel.ANIMATION_SECONDS / 4);
        String midway = vm.figureTextProperty().get();
        assertThat(new java.math.BigDecimal(midway)).isBetween(new java.math.BigDecimal("0.1"), new java.math.BigDecimal("15.8"));
        vm.skipAnimation();
        // 15.92 hours in the payload: one decimal, as people say hours
        assertThat(vm.figureTextProperty().get()).isEqualTo("15.9");
        assertThat(vm.animationProgressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void stepsPreviousNextAndRestart() {
        vm.show(WrappedFixtures.wrappedPayload(), false, true);
        vm.previous();
        assertThat(vm.slideIndexProperty().get()).isZero();
        vm.next();
        vm.next();
        assertThat(vm.slideProperty().get().key()).isEqualTo("activities");
        vm.previous();
        assertThat(vm.slideProperty().get().key()).isEqualTo("hours");
        vm.goTo(11);
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.next();
        assertThat(vm.slideIndexProperty().get()).isEqualTo(11);
        assertThat(vm.animationProgressProperty().get()).as("next on the last slide finishes its animation").isEqualTo(1.0);
        vm.restart();
        assertThat(vm.slideIndexProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isTrue();
    }

    @Test
    void insufficientDataPlaysTheEncouragementSequenceAndIsNeverShareable() {
        vm.loadMentors();
        vm.mentorProperty().set(vm.mentors().get(1));
        vm.yearProperty().set(2025);
        vm.load();
        assertThat(vm.encouragementProperty().get()).isTrue();
        assertThat(vm.shareableProperty().get()).isFalse();
        assertThat(vm.slides()).extracting(SlideContent::key).containsExactly("intro", "progress", "closing");
        assertThat(vm.statusTextProperty().get()).startsWith("Insufficient data");
        dialogs.saveAs = Path.of("never.png");
        vm.exportPng();
        assertThat(source.exports).isEmpty();
        assertThat(vm.messageProperty().get()).contains("Only a ready Wrapped");
    }

    @Test
    void anOpenYearIsAPreviewNeverShareable() {
        SlidePayload preview = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"preview\": false", "\"preview\": true"));
        source.previews.put("pm-mira/2026", preview);
        vm.loadMentors();
        vm.yearProperty().set(2026);
        vm.load();
        assertThat(vm.previewProperty().get()).isTrue();
        assertThat(vm.shareableProperty().get()).isFalse();
        assertThat(vm.statusTextProperty().get()).contains("Preview of 2026");
        vm.mentorProperty().set(vm.mentors().get(1));
        vm.yearProperty().set(2026);
        vm.load();
        assertThat(vm.slideProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("No preview of 2026");
    }

    @Test
    void theMentorsOwnExportAsksForAFileAndCountsTheShare() {
        Actor mira = new Actor("user-mira", "Mira Q", "org-1", Set.of(Role.PEER_MENTOR), "pm-mira");
        vm = new WrappedViewModel(source, new SameThreadTaskRunner(), dialogs, mira, Locale.ENGLISH,
                ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH), () -> 2026);
        vm.loadMentors();
        vm.load();
        dialogs.saveAs = Path.of("target/card.png");
        vm.exportPng();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025.png");
        assertThat(source.exports).containsExactly("pm-mira/2025 png=target/card.png pdf=null");
        assertThat(vm.messageProperty().get()).contains("Shared once");
        assertThat(vm.statusTextProperty().get()).endsWith("frozen, shared once");
        dialogs.saveAs = null;
        vm.exportPdf();
        assertThat(source.exports).hasSize(1);
    }

    @Test
    void theSuggestedFileNameCarriesTheFirstNameOnlyWhereTheCardMayShowIt() {
        source.store("pm-mira", 2025, WrappedFixtures.wrappedPayload(), "ready", 0, "Mira");
        Actor mira = new Actor("user-mira", "Mira Q", "org-1", Set.of(Role.PEER_MENTOR), "pm-mira");
        vm = new WrappedViewModel(source, new SameThreadTaskRunner(), dialogs, mira, Locale.ENGLISH,
                ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH), () -> 2026);
        vm.loadMentors();
        vm.load();
        vm.exportPng(); // the dialog is cancelled: nothing written
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025-Mira.png");
        assertThat(source.exports).isEmpty();

        source.store("pm-mira", 2025, WrappedFixtures.wrappedPayload(), "ready", 0, null); // no consent: no name
        vm.load();
        vm.exportPng();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025.png");

        assertThat(WrappedViewModel.suggestedFileName(2025, "Åse", true, "pdf")).isEqualTo("wrapped-2025-Åse-proof.pdf");
        assertThat(WrappedViewModel.suggestedFileName(2025, "Anne-Marie", false, "png")).isEqualTo("wrapped-2025-Anne-Marie.png");
        assertThat(WrappedViewModel.suggestedFileName(2025, "O'Neil/..", false, "png")).isEqualTo("wrapped-2025-ONeil.png");
        assertThat(WrappedViewModel.suggestedFileName(2025, "../", false, "png")).isEqualTo("wrapped-2025.png");
    }

    @Test
    void anAdminsExportIsAProofThatCountsNothing() {
        vm.loadMentors();
        vm.load();
        String statusBefore = vm.statusTextProperty().get();
        dialogs.saveAs = Path.of("target/card.pdf");
        vm.exportPdf();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025-proof.pdf");
        assertThat(source.exports).containsExactly("pm-mira/2025 png=null pdf=target/card.pdf");
        assertThat(vm.messageProperty().get())
                .isEqualTo("Saved the proof card-proof.pdf. A proof is not a share: nothing was counted and the summary is unchanged.");
        assertThat(vm.statusTextProperty().get()).isEqualTo(statusBefore).doesNotContain("shared");
        assertThat(vm.shareableProperty().get()).as("another proof may follow").isTrue();
    }

    @Test
    void norwegianTextsAndNumbers() {
        WrappedViewModel nb = viewModel(Locale.forLanguageTag("nb-NO"));
        nb.show(WrappedFixtures.wrappedPayload(), false, true);
        nb.goTo(1);
        nb.skipAnimation();
        assertThat(nb.figureTextProperty().get()).isEqualTo("15,9");
        nb.goTo(4);
        assertThat(nb.figureTextProperty().get()).isEqualTo("Mars");
        nb.goTo(10);
        nb.skipAnimation();
        assertThat(nb.figureTextProperty().get()).isEqualTo("6\u00a0049,60 NOK");
    }

    @Test
    void anotherScreenOpensAGivenMentorAndYear() {
        vm.open("pm-olaf", 2025);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo("pm-olaf");
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.encouragementProperty().get()).isTrue();
        vm.open("pm-mira", 2025);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo("pm-mira");
        assertThat(vm.slides()).hasSize(12);
        vm.open("pm-unknown", 2025);
        assertThat(vm.messageProperty().get()).contains("pm-unknown");
    }
}

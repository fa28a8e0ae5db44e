package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real player screen: steps through a full Wrapped and the encouragement sequence
 * with keys and clicks, jumping each entrance animation to its end, and checks what each slide
 * shows against the payload.
 */
@ExtendWith(ApplicationExtension.class)
class WrappedViewTest {
    static final Actor ADMIN = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    FakeWrappedSource source;
    ScriptedDialogs dialogs;
    WrappedViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        source = new FakeWrappedSource();
        source.mentors.add(new WrappedSource.MentorChoice("pm-mira", "Mira Q"));
        source.mentors.add(new WrappedSource.MentorChoice("pm-olaf", "Olaf O"));
        source.store("pm-mira", 2025, WrappedFixtures.wrappedPayload(), "ready", 0);
        source.store("pm-olaf", 2025, WrappedFixtures.encouragementPayload(), "insufficient", 0);
        Locale locale = Locale.ENGLISH;
        dialogs = new ScriptedDialogs();
        vm = new WrappedViewModel(source, new SameThreadTaskRunner(), dialogs, ADMIN, locale,
                ResourceBundle.getBundle("i18n.messages", locale), () -> 2026);
        stage.setScene(new Scene(WrappedView.load(new ViewLoader(locale), vm), 1000, 790));
        // the primary stage is shared by every TestFX class: the window test may have resized or maximised it
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
        vm.loadMentors();
    }

    private void showMentor(FxRobot robot, int index) {
        robot.interact(() -> {
            vm.mentorProperty().set(vm.mentors().get(index));
            vm.yearProperty().set(2025);
        });
        robot.clickOn("#wrapped-load");
        robot.interact(() -> {
            vm.pause();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** What each slide of the fixture payload must say in English: title, body. */
    static final Map<String, String[]> EN_TEXTS = Map.ofEntries(
            Map.entry("intro", new String[] {"Your 2025 in review", "A look back at what you gave this year."}),
            Map.entry("hours", new String[] {"15.9 hours", "You gave 15.9 hours as a peer mentor."}),
            Map.entry("activities", new String[] {"17 activities", "You logged 17 activities."}),
            Map.entry("people", new String[] {"5 people", "You supported 5 different people."}),
            Map.entry("busiest_month", new String[] {"Your busiest month", "March was your busiest month, with 4 activities."}),
            Map.entry("activity_mix", new String[] {"How you helped", "Most often: Café meeting."}),
            Map.entry("streak", new String[] {"3 days in a row",
                    "Your longest streak ran from Mar 4, 2025 to Mar 6, 2025. You were active in 15 weeks."}),
            Map.entry("percentile", new String[] {"Top 37.5%",
                    "You gave more hours than 62.5% of the peer mentors in your organisation."}),
            Map.entry("milestones", new String[] {"Milestones", "You reached 3 milestones this year."}),
            Map.entry("badges", new String[] {"Badges", "You earned 2 badges this year."}),
            Map.entry("impact", new String[] {"Your impact", "Your hours are worth 6,049.60 NOK to your community."}),
            Map.entry("closing", new String[] {"Thank you!", "15.9 hours and 17 activities in 2025. Thank you for being there."}));

    @Test
    void stepsThroughTheFullSequenceShowingThePayload(FxRobot robot) {
        showMentor(robot, 0);
        SlidePayload payload = WrappedFixtures.wrappedPayload();
        HBox segments = robot.lookup("#wrapped-segments").queryAs(HBox.class);
        assertThat(segments.getChildren()).hasSize(payload.slides().size());
        assertThat(robot.lookup("#wrapped-preview-badge").query().isVisible()).isFalse();
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isFalse();

        for (int i = 0; i < payload.slides().size(); i++) {
            SlidePayload.Slide slide = payload.slides().get(i);
            robot.interact(vm::skipAnimation);
            assertThat(vm.slideIndexProperty().get()).isEqualTo(i);
            assertThat(text(robot, "#wrapped-slide-title")).as(slide.key()).isEqualTo(EN_TEXTS.get(slide.key())[0]);
            assertThat(text(robot, "#wrapped-slide-body")).as(slide.key()).isEqualTo(EN_TEXTS.get(slide.key())[1]);
            String figure = text(robot, "#wrapped-figure");
            switch (slide.key()) {
                case "intro" -> assertThat(figure).isEqualTo("2025");
                case "hours" -> assertThat(figure).isEqualTo("15.9");
                case "activities" -> assertThat(figure).isEqualTo("17");
                case "people" -> assertThat(figure).isEqualTo("5");
                case "streak" -> assertThat(figure).isEqualTo("3");
                case "percentile" -> assertThat(figure).as("the title's Top 37.5%").isEqualTo("37.5%");
                case "impact" -> assertThat(figure).isEqualTo("6,049.60 NOK");
                case "busiest_month" -> {
                    assertThat(figure).isEqualTo("March");
                    List<Map<String, Object>> monthly = slide.objects("monthly");
                    for (Map<String, Object> m : monthly) {
                        int month = ((Number) m.get("month")).intValue();
                        String count = String.valueOf(m.get("activities"));
                        assertThat(robot.lookup("#wrapped-visual .wrapped-bar-label").queryAllAs(Label.class))
                                .extracting(Label::getText)
                                .contains(Month.of(month).getDisplayName(TextStyle.SHORT_STANDALONE, Locale.ENGLISH), count);
                    }
                    // bars grown to their share of the busiest month
                    Set<Node> bars = robot.lookup("#wrapped-visual .wrapped-bar").queryAll();
                    assertThat(bars).hasSize(12);
                    Node busiest = robot.lookup("#wrapped-visual .wrapped-bar.highlight").query();
                    assertThat(((javafx.scene.layout.Region) busiest).getMaxHeight()).isEqualTo(150.0);
                }
                case "activity_mix" -> {
                    List<String> labels = robot.lookup("#wrapped-visual .label").queryAllAs(Label.class).stream()
                            .map(Label::getText).toList();
                    assertThat(labels).contains("Café meeting", "8", "Phone support", "5", "Support group", "4");
                }
                case "milestones" -> assertThat(robot.lookup("#wrapped-visual .wrapped-item").queryAllAs(Label.class))
                        .extracting(Label::getText)
                        .containsExactly("10 activities · Jan 28, 2025", "10 hours · Feb 11, 2025",
                                "Your first event · Mar 20, 2025");
                case "badges" -> assertThat(robot.lookup("#wrapped-visual .wrapped-badge").queryAllAs(Label.class))
                        .extracting(Label::getText).containsExactly("First steps", "Ten hours");
                default -> { }
            }
            if (i < payload.slides().size() - 1) {
                if (i % 2 == 0) {
                    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
                } else {
                    robot.clickOn("#wrapped-next");
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.slideProperty().get().key()).isEqualTo("impact");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(robot.lookup("#wrapped-play").queryAs(Button.class).getText()).isEqualTo("Pause");
        robot.clickOn("#wrapped-restart");
        assertThat(vm.slideIndexProperty().get()).isZero();
    }

    @Test
    void theEncouragementSequence(FxRobot robot) {
        showMentor(robot, 1);
        SlidePayload payload = WrappedFixtures.encouragementPayload();
        assertThat(robot.lookup("#wrapped-segments").queryAs(HBox.class).getChildren()).hasSize(3);
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#wrapped-export-pdf").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#wrapped-note")).contains("encouragement");
        for (int i = 0; i < 3; i++) {
            SlidePayload.Slide slide = payload.slides().get(i);
            robot.interact(vm::skipAnimation);
            String[] texts = switch (slide.key()) {
                // 2025 has ended: its encouragement does not say it "has begun"
                case "intro" -> new String[] {"Your 2025, nearly there", "Every activity counted. Here is how close your year came."};
                case "progress" -> new String[] {"Almost there", "2 of 5 activities and 1.5 of 3 hours so far."};
                default -> new String[] {"Keep going!", "Log a few more activities and your year in review will be ready."};
            };
            assertThat(text(robot, "#wrapped-slide-title")).isEqualTo(texts[0]);
            assertThat(text(robot, "#wrapped-slide-body")).isEqualTo(texts[1]);
            if (slide.key().equals("progress")) {
                assertThat(robot.lookup("#wrapped-visual .label").queryAllAs(Label.class)).extracting(Label::getText)
                        .containsExactly("Activities: 2 / 5", "Hours: 1.5 / 3");
            }
            // click on the right of the phone: next
            javafx.geometry.Bounds b = robot.lookup("#wrapped-phone").query().localToScreen(
                    robot.lookup("#wrapped-phone").query().getBoundsInLocal());
            robot.clickOn(b.getMaxX() - 40, b.getMaxY() - 60, javafx.scene.input.MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
    }

    private void pauseOn(FxRobot robot, int index) {
        robot.interact(() -> {
            vm.pause();
            vm.goTo(index);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickPhone(FxRobot robot, double fractionOfWidth) {
        Node phone = robot.lookup("#wrapped-phone").query();
        javafx.geometry.Bounds b = phone.localToScreen(phone.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * fractionOfWidth, b.getMinY() + b.getHeight() * 0.8,
                javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.press(code).release(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keysAndClicksStepPauseRestartAndChangeSpeed(FxRobot robot) {
        showMentor(robot, 0);
        assertThat(vm.playingProperty().get()).isFalse();
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.RIGHT);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
        key(robot, KeyCode.LEFT);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(1);
        // a click on the left third of the phone goes back, on the rest forward
        clickPhone(robot, 0.15);
        assertThat(vm.slideIndexProperty().get()).isZero();
        clickPhone(robot, 0.85);
        clickPhone(robot, 0.85);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
        robot.clickOn("#wrapped-previous");
        assertThat(vm.slideIndexProperty().get()).isEqualTo(1);
        // a click on a progress segment jumps to its slide
        HBox segments = robot.lookup("#wrapped-segments").queryAs(HBox.class);
        robot.clickOn(segments.getChildren().get(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.slideProperty().get().key()).isEqualTo("activity_mix");

        // paused: the frame clock keeps running but the slide and its progress stay put
        double progress = vm.slideProgressProperty().get();
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> vm.tick(2.0));
        assertThat(vm.slideIndexProperty().get()).isEqualTo(5);
        assertThat(vm.slideProgressProperty().get()).isEqualTo(progress);
        assertThat(robot.lookup("#wrapped-play").queryAs(Button.class).getText()).isEqualTo("Play");

        key(robot, KeyCode.SPACE);
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(robot.lookup("#wrapped-play").queryAs(Button.class).getText()).isEqualTo("Pause");
        robot.clickOn("#wrapped-play");
        assertThat(vm.playingProperty().get()).isFalse();

        key(robot, KeyCode.R);
        assertThat(vm.slideIndexProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isTrue();
        robot.interact(vm::pause);
        robot.clickOn("#wrapped-next");
        robot.clickOn("#wrapped-restart");
        assertThat(vm.slideIndexProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isTrue();
        robot.interact(vm::pause);

        assertThat(vm.speedProperty().get()).isEqualTo(WrappedViewModel.Speed.NORMAL);
        robot.interact(stage::requestFocus);
        key(robot, KeyCode.ADD);
        assertThat(vm.speedProperty().get()).isEqualTo(WrappedViewModel.Speed.DOUBLE);
        key(robot, KeyCode.MINUS);
        key(robot, KeyCode.MINUS);
        assertThat(vm.speedProperty().get()).isEqualTo(WrappedViewModel.Speed.HALF);
        assertThat(robot.lookup("#wrapped-speed").queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo(WrappedViewModel.Speed.HALF);
        // at 0.5x a second of real time is half a second of the slide
        robot.interact(() -> {
            vm.goTo(1);
            vm.playingProperty().set(true);
            vm.tick(1.0);
            vm.pause();
        });
        assertThat(vm.slideProgressProperty().get()).isBetween(0.5 / WrappedViewModel.SLIDE_SECONDS,
                0.5 / WrappedViewModel.SLIDE_SECONDS + 0.05);
    }

    @Test
    void countsUpGrowsTheBarsAndTheMixAndPopsTheBadges(FxRobot robot) {
        showMentor(robot, 0);
        pauseOn(robot, 1);
        // at the start of its entrance the figure is at zero, at the end at the payload's value
        assertThat(text(robot, "#wrapped-figure")).isEqualTo("0.0");
        robot.interact(() -> {
            vm.playingProperty().set(true);
            vm.tick(WrappedViewModel.ANIMATION_SECONDS / 2);
            vm.pause();
        });
        double halfway = Double.parseDouble(text(robot, "#wrapped-figure"));
        assertThat(halfway).isGreaterThan(0).isLessThan(15.92);
        robot.interact(vm::skipAnimation);
        assertThat(text(robot, "#wrapped-figure")).isEqualTo("15.9");

        pauseOn(robot, 4);
        Node busiest = robot.lookup("#wrapped-visual .wrapped-bar.highlight").query();
        assertThat(((javafx.scene.layout.Region) busiest).getMaxHeight()).isZero();
        robot.interact(vm::skipAnimation);
        assertThat(((javafx.scene.layout.Region) busiest).getMaxHeight()).isEqualTo(150.0);
        // January had 3 of the busiest month's 4
        List<javafx.scene.layout.Region> bars = robot.lookup("#wrapped-visual .wrapped-bar")
                .queryAllAs(javafx.scene.layout.Region.class).stream().toList();
        assertThat(bars.stream().mapToDouble(javafx.scene.layout.Region::getMaxHeight).boxed().toList())
                .contains(150.0 * 3 / 4, 0.0);

        pauseOn(robot, 5);
        List<javafx.scene.layout.Region> parts = robot.lookup("#wrapped-visual .wrapped-seg-0")
                .queryAllAs(javafx.scene.layout.Region.class).stream()
                .filter(r -> !r.getStyleClass().contains("wrapped-swatch")).toList();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).getPrefWidth()).isZero();
        robot.interact(vm::skipAnimation);
        assertThat(parts.get(0).getPrefWidth()).isCloseTo((WrappedView.PHONE_WIDTH - 80) * 8 / 17, org.assertj.core.data.Offset.offset(0.01));

        pauseOn(robot, 9);
        List<Label> badges = robot.lookup("#wrapped-visual .wrapped-badge").queryAllAs(Label.class).stream().toList();
        assertThat(badges).allSatisfy(b -> assertThat(b.getOpacity()).isZero());
        robot.interact(vm::skipAnimation);
        assertThat(badges).allSatisfy(b -> {
            assertThat(b.getOpacity()).isEqualTo(1.0);
            assertThat(b.getScaleX()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void aPreviewOfTheOpenYearIsClearlyMarkedAndNeverShareable(FxRobot robot) {
        SlidePayload preview = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"preview\": false", "\"preview\": true").replace("\"year\": 2025", "\"year\": 2026"));
        source.previews.put("pm-mira/2026", preview);
        robot.interact(() -> {
            vm.mentorProperty().set(vm.mentors().get(0));
            vm.yearProperty().set(2026);
        });
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        Label badge = robot.lookup("#wrapped-preview-badge").queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("PREVIEW");
        assertThat(robot.lookup("#wrapped-phone").query().getStyleClass()).contains("preview");
        assertThat(text(robot, "#wrapped-note")).isEqualTo("Preview of an open year: not final, never stored or shared.");
        assertThat(text(robot, "#wrapped-status")).isEqualTo("Preview of 2026, computed now");
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#wrapped-export-pdf").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#wrapped-slide-title")).isEqualTo("Your 2026 in review");
        // back to the closed year: the marks go
        robot.interact(() -> vm.yearProperty().set(2025));
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        assertThat(badge.isVisible()).isFalse();
        assertThat(robot.lookup("#wrapped-phone").query().getStyleClass()).doesNotContain("preview");
        assertThat(text(robot, "#wrapped-note")).isEmpty();
    }

    @Test
    void whoIsLookingAndTheSummarysStatus(FxRobot robot) {
        source.store("pm-mira", 2025, WrappedFixtures.wrappedPayload(), "ready", 2);
        showMentor(robot, 0);
        assertThat(text(robot, "#wrapped-looker"))
                .isEqualTo("You are previewing as Ada Admin (admin): this never counts as the mentor's view or as a share.");
        assertThat(text(robot, "#wrapped-status")).startsWith("Ready · generated ").endsWith(" · frozen, shared 2 times");
        showMentor(robot, 1);
        assertThat(text(robot, "#wrapped-status")).startsWith("Insufficient data · generated ").endsWith(" · not frozen");
    }

    @Test
    void theDarkThemeRedefinesTheColours(FxRobot robot) {
        showMentor(robot, 0);
        Label title = robot.lookup("#wrapped-slide-title").queryAs(Label.class);
        javafx.scene.paint.Paint light = title.getTextFill();
        robot.clickOn("#wrapped-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#wrapped").query().getStyleClass()).contains("dark");
        assertThat(title.getTextFill()).isEqualTo(javafx.scene.paint.Color.WHITE).isNotEqualTo(light);
        robot.clickOn("#wrapped-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title.getTextFill()).isEqualTo(light);
    }

    @Test
    void theFigureAlwaysFitsThePhone(FxRobot robot) {
        showMentor(robot, 0);
        for (int i = 0; i < vm.slides().size(); i++) {
            pauseOn(robot, i);
            robot.interact(vm::skipAnimation);
            WaitForAsyncUtils.waitForFxEvents();
            Label figure = robot.lookup("#wrapped-figure").queryAs(Label.class);
            Node phone = robot.lookup("#wrapped-phone").query();
            if (figure.isVisible()) {
                javafx.geometry.Bounds f = figure.localToScene(figure.getLayoutBounds());
                javafx.geometry.Bounds p = phone.localToScene(phone.getLayoutBounds());
                assertThat(f.getMinX()).as(vm.slideProperty().get().key()).isGreaterThanOrEqualTo(p.getMinX() + 8);
                assertThat(f.getMaxX()).as(vm.slideProperty().get().key()).isLessThanOrEqualTo(p.getMaxX() - 8);
                javafx.scene.text.Text t = (javafx.scene.text.Text) figure.lookup(".text");
                assertThat(t.getText()).as("not clipped with an ellipsis").isEqualTo(figure.getText());
            }
        }
    }

    @Test
    void theSlidesSwitchToNorwegianOnTheSameSlideAndTheChromeStaysEnglish(FxRobot robot) {
        showMentor(robot, 0);
        pauseOn(robot, 4);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Locale> lang = robot.lookup("#wrapped-lang").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(lang.getItems()).extracting(Locale::getLanguage).containsExactly("en", "nb");
        robot.interact(() -> lang.setValue(lang.getItems().get(1)));
        robot.interact(vm::skipAnimation);
        assertThat(vm.slideIndexProperty().get()).isEqualTo(4);
        assertThat(text(robot, "#wrapped-slide-title")).isEqualTo("Din travleste måned");
        assertThat(text(robot, "#wrapped-slide-body")).isEqualTo("Mars var din travleste måned, med 4 aktiviteter.");
        assertThat(text(robot, "#wrapped-figure")).isEqualTo("Mars");
        assertThat(robot.lookup("#wrapped-visual .wrapped-bar-label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("jan", "mar", "des");
        pauseOn(robot, 6);
        robot.interact(vm::skipAnimation);
        assertThat(text(robot, "#wrapped-slide-title")).isEqualTo("3 dager på rad");
        assertThat(text(robot, "#wrapped-slide-body"))
                .isEqualTo("Din lengste rekke varte fra 4. mars 2025 til 6. mars 2025. Du var aktiv i 15 uker.");
        pauseOn(robot, 10);
        robot.interact(vm::skipAnimation);
        assertThat(text(robot, "#wrapped-figure")).isEqualTo("6\u00a0049,60 NOK");
        assertThat(text(robot, "#wrapped-slide-body")).isEqualTo("Timene dine er verdt 6\u00a0049,60 NOK for lokalsamfunnet ditt.");
        // the screen's own controls stay in the app's language
        assertThat(robot.lookup("#wrapped-next").queryAs(Button.class).getText()).isEqualTo("Next");
        // and the share card is exported in the slide language
        dialogsFor(robot).saveAs = java.nio.file.Path.of("target/card-nb.png");
        robot.clickOn("#wrapped-export-png");
        assertThat(source.exports).containsExactly("pm-mira/2025 png=target/card-nb.png pdf=null");
        assertThat(source.exportLocales).containsExactly(Locale.forLanguageTag("nb"));
        robot.interact(() -> lang.setValue(lang.getItems().get(0)));
        assertThat(text(robot, "#wrapped-slide-title")).isEqualTo("Your impact");
    }

    private ScriptedDialogs dialogsFor(FxRobot robot) {
        return dialogs;
    }

    private static String label(ResourceBundle bundle, String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}

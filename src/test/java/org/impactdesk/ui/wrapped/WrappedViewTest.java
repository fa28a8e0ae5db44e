package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
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
import org.impactdesk.share.SlidePayload;
import org.impactdesk.share.WrappedFixtures;
import org.impactdesk.ui.SameThreadTaskRunner;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.wrapped.WrappedSource;
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
        vm = new WrappedViewModel(source, new SameThreadTaskRunner(), new FakeDialogs(), ADMIN, locale,
                ResourceBundle.getBundle("i18n.messages", locale), () -> 2026);
        stage.setScene(new Scene(WrappedView.load(new ViewLoader(locale), vm), 1000, 860));
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

    @Test
    void stepsThroughTheFullSequenceShowingThePayload(FxRobot robot) {
        showMentor(robot, 0);
        SlidePayload payload = WrappedFixtures.wrappedPayload();
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
        HBox segments = robot.lookup("#wrapped-segments").queryAs(HBox.class);
        assertThat(segments.getChildren()).hasSize(payload.slides().size());
        assertThat(robot.lookup("#wrapped-preview-badge").query().isVisible()).isFalse();
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isFalse();

        for (int i = 0; i < payload.slides().size(); i++) {
            SlidePayload.Slide slide = payload.slides().get(i);
            robot.interact(vm::skipAnimation);
            assertThat(vm.slideIndexProperty().get()).isEqualTo(i);
            assertThat(text(robot, "#wrapped-slide-title")).isEqualTo(expected(bundle, slide.titleKey(), slide));
            assertThat(text(robot, "#wrapped-slide-body")).isEqualTo(expected(bundle, slide.bodyKey(), slide));
            String figure = text(robot, "#wrapped-figure");
            switch (slide.key()) {
                case "intro" -> assertThat(figure).isEqualTo("2025");
                case "hours" -> assertThat(figure).isEqualTo("15.92");
                case "activities" -> assertThat(figure).isEqualTo("17");
                case "people" -> assertThat(figure).isEqualTo("5");
                case "streak" -> assertThat(figure).isEqualTo("3");
                case "percentile" -> assertThat(figure).isEqualTo("62.5%");
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
                        .containsExactly(label(bundle, "wrapped.milestone.10_activities") + " · Jan 28, 2025",
                                label(bundle, "wrapped.milestone.10_hours") + " · Feb 11, 2025",
                                label(bundle, "wrapped.milestone.first_event_attended") + " · Mar 20, 2025");
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
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
        assertThat(robot.lookup("#wrapped-segments").queryAs(HBox.class).getChildren()).hasSize(3);
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#wrapped-export-pdf").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#wrapped-note")).contains("encouragement");
        for (int i = 0; i < 3; i++) {
            SlidePayload.Slide slide = payload.slides().get(i);
            robot.interact(vm::skipAnimation);
            assertThat(text(robot, "#wrapped-slide-title")).isEqualTo(expected(bundle, slide.titleKey(), slide));
            assertThat(text(robot, "#wrapped-slide-body")).isEqualTo(expected(bundle, slide.bodyKey(), slide));
            if (slide.key().equals("progress")) {
                assertThat(robot.lookup("#wrapped-visual .label").queryAllAs(Label.class)).extracting(Label::getText)
                        .containsExactly("Activities: 2 / 5", "Hours: 1.50 / 3.00");
            }
            // click on the right of the phone: next
            javafx.geometry.Bounds b = robot.lookup("#wrapped-phone").query().localToScreen(
                    robot.lookup("#wrapped-phone").query().getBoundsInLocal());
            robot.clickOn(b.getMaxX() - 40, b.getMaxY() - 60, javafx.scene.input.MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(vm.slideIndexProperty().get()).isEqualTo(2);
    }

    /** The text the slide must show: its bundle pattern with its args, in the locale. */
    private static String expected(ResourceBundle bundle, String key, SlidePayload.Slide slide) {
        if (!bundle.containsKey(key)) {
            return key;
        }
        return new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(slide.argArray());
    }

    private static String label(ResourceBundle bundle, String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}

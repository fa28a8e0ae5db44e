package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The loading state every screen shows the same way: busy indicator, lines said only when they say something, placeholder. */
class LoadingFxTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLineShowsAndTakesRoomOnlyWhileItSaysSomething() throws Exception {
        SimpleStringProperty error = new SimpleStringProperty("");
        Label label = new Label();
        Loading.text(label, error);
        assertThat(label.isVisible()).isFalse();
        assertThat(label.isManaged()).isFalse();

        error.set("Could not load the team table: disk on fire");
        assertThat(label.getText()).isEqualTo("Could not load the team table: disk on fire");
        assertThat(label.isVisible()).isTrue();
        assertThat(label.isManaged()).isTrue();

        error.set(null); // a ViewModel's cleared text may be null
        assertThat(label.isVisible()).isFalse();
        assertThat(label.isManaged()).isFalse();

        SimpleStringProperty notes = new SimpleStringProperty("");
        TextArea area = onFx(TextArea::new);
        Loading.text(area, notes);
        assertThat(area.isVisible()).isFalse();
        notes.set("2 files read as dates with two-digit years");
        assertThat(area.getText()).isEqualTo("2 files read as dates with two-digit years");
        assertThat(area.isVisible()).isTrue();
        assertThat(area.isManaged()).isTrue();
    }

    @Test
    void aPartShowsAndTakesRoomOnlyWhileItsConditionHolds() {
        SimpleBooleanProperty working = new SimpleBooleanProperty(false);
        HBox progress = new HBox();
        Loading.shownWhile(progress, working);
        assertThat(progress.isVisible()).isFalse();
        assertThat(progress.isManaged()).isFalse();
        working.set(true);
        assertThat(progress.isVisible()).isTrue();
        assertThat(progress.isManaged()).isTrue();
    }

    @Test
    void theTablesPlaceholderSaysTheViewModelsWordsWrapped() throws Exception {
        SimpleStringProperty words = new SimpleStringProperty("No summaries are stored for Q1 2025.");
        TableView<String> table = onFx(TableView::new);
        Label placeholder = Loading.placeholder(table, words);
        assertThat(table.getPlaceholder()).isSameAs(placeholder);
        assertThat(placeholder.getText()).isEqualTo("No summaries are stored for Q1 2025.");
        assertThat(placeholder.isWrapText()).isTrue();
        assertThat(placeholder.getStyleClass()).contains(Loading.PLACEHOLDER);
        words.set("No peer mentors match the filter.");
        assertThat(placeholder.getText()).isEqualTo("No peer mentors match the filter.");
    }

    @Test
    void theBusyIndicatorShowsOnlyOnceWorkLastsAndHidesAtOnceWhenItLands() throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
        ProgressIndicator indicator = onFx(ProgressIndicator::new);
        boolean[] atOnce = onFx(() -> { // in one FX task: the delay cannot run out in between
            Loading.busy(indicator, busy, true);
            busy.set(true);
            return new boolean[] {indicator.isVisible(), indicator.isManaged()};
        });
        assertThat(atOnce).as("not at once (visible, managed): a quick load shows no spinner").containsExactly(false, false);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(indicator::isVisible));
        assertThat(indicator.isManaged()).isTrue();
        onFx(() -> {
            busy.set(false);
            return null;
        });
        assertThat(indicator.isVisible()).isFalse();
        assertThat(indicator.isManaged()).isFalse();
    }
}

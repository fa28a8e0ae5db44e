package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's passphrase dialog: typed twice for a new database, asked again after a wrong one, or none. */
class PassphraseDialogFxTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aNewDatabaseGetsAPassphraseTypedTwiceAndTwoThatDifferAreShownNotTaken() throws Exception {
        Future<PassphraseDialog.Choice> answer = WaitForAsyncUtils.asyncFx(
                () -> new PassphraseDialog(EN).choose("/home/x/impact-desk.mv.db"));
        DialogPane pane = showing();
        assertThat(((Label) ((javafx.scene.layout.VBox) pane.getContent()).getChildren().get(0)).getText())
                .startsWith("A new database will be created at /home/x/impact-desk.mv.db. It will hold people's personal data");
        type(pane, "#passphrase", "first phrase");
        type(pane, "#passphrase-again", "first phrasE");
        press(pane, ButtonBar.ButtonData.OK_DONE);
        assertThat(((Label) pane.lookup("#passphrase-error")).getText()).isEqualTo("The two passphrases differ.");
        assertThat(answer.isDone()).as("the dialog stays open").isFalse();

        type(pane, "#passphrase-again", "first phrase");
        press(pane, ButtonBar.ButtonData.OK_DONE);
        PassphraseDialog.Choice choice = answer.get(10, TimeUnit.SECONDS);
        assertThat(choice).isInstanceOfSatisfying(PassphraseDialog.Choice.Passphrase.class,
                p -> assertThat(new String(p.value())).isEqualTo("first phrase"));
    }

    @Test
    void aNewDatabaseMayStayUnencrypted() throws Exception {
        Future<PassphraseDialog.Choice> answer = WaitForAsyncUtils.asyncFx(() -> new PassphraseDialog(EN).choose("db.mv.db"));
        press(showing(), ButtonBar.ButtonData.NO);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(PassphraseDialog.Choice.None.class);
    }

    @Test
    void anEncryptedDatabaseIsAskedAgainAfterAWrongPassphraseInTheWindowsLanguage() throws Exception {
        ResourceBundle nb = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb-NO"));
        Future<PassphraseDialog.Choice> answer = WaitForAsyncUtils.asyncFx(() -> new PassphraseDialog(nb).unlock("db.mv.db", true));
        DialogPane pane = showing();
        assertThat(((Label) pane.lookup("#passphrase-error")).getText())
                .isEqualTo("Feil passordfrase: ingenting ble åpnet eller endret. Prøv igjen.");
        Button open = button(pane, ButtonBar.ButtonData.OK_DONE);
        assertThat(open.isDisabled()).as("nothing typed yet").isTrue();
        type(pane, "#passphrase", "second try");
        press(pane, ButtonBar.ButtonData.OK_DONE);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(PassphraseDialog.Choice.Passphrase.class,
                p -> assertThat(new String(p.value())).isEqualTo("second try"));
    }

    @Test
    void quittingTheUnlockOpensNothing() throws Exception {
        Future<PassphraseDialog.Choice> answer = WaitForAsyncUtils.asyncFx(() -> new PassphraseDialog(EN).unlock("db.mv.db", false));
        press(showing(), ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(PassphraseDialog.Choice.Quit.class);
    }

    private static DialogPane showing() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane() != null);
        return pane();
    }

    private static DialogPane pane() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && "passphrase-dialog".equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    private static void type(DialogPane pane, String id, String text) {
        Node field = pane.lookup(id);
        WaitForAsyncUtils.asyncFx(() -> ((PasswordField) field).setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button button(DialogPane pane, ButtonBar.ButtonData data) {
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
        return (Button) pane.lookupButton(type);
    }

    private static void press(DialogPane pane, ButtonBar.ButtonData data) {
        Button b = button(pane, data);
        WaitForAsyncUtils.asyncFx(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package org.impactdesk.ui.fx;

import java.util.Arrays;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.impactdesk.domain.BundleText;

/**
 * The passphrase of an encrypted database, asked before the window opens it: {@link #unlock}
 * for an existing encrypted database (again, with a message, after a wrong one), {@link #choose}
 * when a new database is created (typed twice, or none: not encrypted). The passphrase is
 * returned as characters the caller wipes; the fields are cleared when the dialog closes.
 */
public final class PassphraseDialog {
    /** What the person chose. */
    public sealed interface Choice {
        /** Open or create with this passphrase. */
        record Passphrase(char[] value) implements Choice {
        }

        /** Create the new database without encryption. */
        record None() implements Choice {
        }

        /** Quit without opening anything. */
        record Quit() implements Choice {
        }
    }

    private final ResourceBundle messages;
    /** The label of the button that opens nothing: Quit at start-up, Cancel from "Open database…". */
    private final String quitKey;
    private javafx.stage.Window owner;

    public PassphraseDialog(ResourceBundle messages) {
        this(messages, "app.passphrase.quit");
    }

    public PassphraseDialog(ResourceBundle messages, String quitKey) {
        this.messages = messages;
        this.quitKey = quitKey;
    }

    /** Shown over {@code window} (the window's own dialog asks from there). */
    public PassphraseDialog ownedBy(javafx.stage.Window window) {
        this.owner = window;
        return this;
    }

    /** For an encrypted database: its passphrase, or Quit; {@code wrongBefore} shows that the last one was wrong. */
    public Choice unlock(String database, boolean wrongBefore) {
        PasswordField field = field("app.passphrase.field", "passphrase");
        Label error = error(wrongBefore ? messages.getString("app.passphrase.wrong") : "");
        ButtonType open = new ButtonType(messages.getString("app.passphrase.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(messages.getString(quitKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> d = dialog("app.passphrase.title", text("app.passphrase.unlock", database), open, quit,
                field, error);
        Button openButton = (Button) d.getDialogPane().lookupButton(open);
        openButton.disableProperty().bind(field.textProperty().isEmpty());
        field.requestFocus();
        Optional<ButtonType> answer = d.showAndWait();
        char[] value = field.getText().toCharArray();
        field.clear();
        if (answer.filter(b -> b == open).isEmpty() || value.length == 0) {
            return new Choice.Quit();
        }
        return new Choice.Passphrase(value);
    }

    /** For a new database: a passphrase typed twice, None (not encrypted), or Quit (closing the dialog). */
    public Choice choose(String database) {
        PasswordField first = field("app.passphrase.field", "passphrase");
        PasswordField again = field("app.passphrase.again", "passphrase-again");
        Label error = error("");
        ButtonType encrypt = new ButtonType(messages.getString("app.passphrase.encrypt"), ButtonBar.ButtonData.OK_DONE);
        ButtonType plain = new ButtonType(messages.getString("app.passphrase.plain"), ButtonBar.ButtonData.NO);
        Dialog<ButtonType> d = dialog("app.passphrase.chooseTitle", text("app.passphrase.choose", database), encrypt, plain,
                first, again, error);
        Button encryptButton = (Button) d.getDialogPane().lookupButton(encrypt);
        encryptButton.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = first.getText().isEmpty() ? messages.getString("app.passphrase.empty")
                    : !first.getText().equals(again.getText()) ? messages.getString("app.passphrase.differ") : null;
            if (problem != null) {
                error.setText(problem);
                e.consume(); // the dialog stays open
            }
        });
        Optional<ButtonType> answer = d.showAndWait();
        char[] value = first.getText().toCharArray();
        first.clear();
        again.clear();
        if (answer.isEmpty()) {
            return new Choice.Quit();
        }
        if (answer.get() == encrypt) {
            return new Choice.Passphrase(value);
        }
        Arrays.fill(value, '\0');
        return answer.get() == plain ? new Choice.None() : new Choice.Quit();
    }

    private Dialog<ButtonType> dialog(String titleKey, String text, ButtonType ok, ButtonType other,
                                      javafx.scene.Node... fields) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
            if (owner.getScene() != null) {
                d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
                if (owner.getScene().getRoot().getStyleClass().contains(Themes.DARK)) {
                    d.getDialogPane().getStyleClass().add(Themes.DARK);
                }
            }
        }
        d.setTitle(messages.getString(titleKey));
        d.setHeaderText(messages.getString(titleKey));
        Label intro = new Label(text);
        intro.setWrapText(true);
        intro.setMaxWidth(460);
        VBox box = new VBox(8, intro);
        box.getChildren().addAll(fields);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ok, other);
        d.getDialogPane().setId("passphrase-dialog");
        return d;
    }

    private PasswordField field(String promptKey, String id) {
        PasswordField f = new PasswordField();
        f.setPromptText(messages.getString(promptKey));
        f.setId(id);
        return f;
    }

    private static Label error(String text) {
        Label l = new Label(text);
        l.setId("passphrase-error");
        l.getStyleClass().add("error");
        l.setWrapText(true);
        return l;
    }

    private String text(String key, String database) {
        return BundleText.format(messages, messages.getLocale(), key, database);
    }
}

package org.impactdesk.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.impactdesk.ui.fx.PassphraseDialog;
import org.impactdesk.ui.fx.Themes;

/**
 * The "Open database…" dialog over {@link OpenDatabaseViewModel}: an H2 file (typed, or chosen with a
 * file chooser) or a team database (JDBC URL, user name, password in a password field). Open checks
 * and opens on a worker with the dialog still showing (a progress indicator; a message saying what went
 * wrong, with the dialog left open to correct it); the dialog closes once the database is open.
 */
final class OpenDatabaseDialog {
    private final OpenDatabaseViewModel viewModel;
    private final ResourceBundle messages;
    private final Stage owner;

    OpenDatabaseDialog(OpenDatabaseViewModel viewModel, ResourceBundle messages, Stage owner) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.owner = owner;
    }

    /** Shows the dialog until a database opens ({@code use} then gets it) or the person cancels. */
    void showAndWait(Consumer<DatabaseOpener.Opened> use) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.getString("opendb.title"));
        dialog.setHeaderText(messages.getString("opendb.title"));
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        pane.setId("openDatabaseDialog");
        if (owner.getScene() != null) {
            pane.getStylesheets().addAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot().getStyleClass().contains(Themes.DARK)) {
                pane.getStyleClass().add(Themes.DARK);
            }
        }

        ToggleGroup kinds = new ToggleGroup();
        RadioButton fileChoice = radio("opendb.kind.file", "openDbKindFile", kinds);
        RadioButton teamChoice = radio("opendb.kind.team", "openDbKindTeam", kinds);
        (viewModel.kindProperty().get() == OpenDatabaseViewModel.Kind.TEAM ? teamChoice : fileChoice).setSelected(true);
        kinds.selectedToggleProperty().addListener((o, was, now) -> viewModel.kindProperty()
                .set(now == teamChoice ? OpenDatabaseViewModel.Kind.TEAM : OpenDatabaseViewModel.Kind.FILE));

        TextField file = field("openDbFile", "opendb.file.prompt");
        file.textProperty().bindBidirectional(viewModel.fileProperty());
        Button browse = new Button(messages.getString("opendb.file.browse"));
        browse.setId("openDbBrowse");
        browse.setOnAction(e -> browse(dialog));
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        Label fileNote = new Label(messages.getString("opendb.file.note"));
        fileNote.setWrapText(true);
        fileNote.getStyleClass().add("note");
        VBox fileBox = new VBox(4, fileRow, fileNote);
        fileBox.setPadding(new Insets(0, 0, 0, 24));
        fileBox.disableProperty().bind(fileChoice.selectedProperty().not());

        TextField url = field("openDbUrl", "opendb.url.prompt");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        TextField user = field("openDbUser", "opendb.user.prompt");
        user.textProperty().bindBidirectional(viewModel.userProperty());
        PasswordField password = new PasswordField();
        password.setId("openDbPassword");
        password.setPromptText(messages.getString("opendb.password.prompt"));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        GridPane team = new GridPane();
        team.setHgap(8);
        team.setVgap(6);
        team.setPadding(new Insets(0, 0, 0, 24));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        team.getColumnConstraints().addAll(labels, fields);
        team.addRow(0, label("opendb.url"), url);
        team.addRow(1, label("opendb.user"), user);
        team.addRow(2, label("opendb.password"), password);
        Label passwordNote = new Label(messages.getString("opendb.password.note"));
        passwordNote.setWrapText(true);
        passwordNote.getStyleClass().add("note");
        team.add(passwordNote, 1, 3);
        team.disableProperty().bind(teamChoice.selectedProperty().not());

        Label intro = new Label(messages.getString("opendb.intro"));
        intro.setWrapText(true);
        Label message = new Label();
        message.setId("openDbMessage");
        message.setWrapText(true);
        message.getStyleClass().add("error");
        viewModel.workingProperty().addListener((o, was, now) -> { // "Opening …" is no error
            if (now) {
                message.getStyleClass().remove("error");
            } else if (!message.getStyleClass().contains("error")) {
                message.getStyleClass().add("error");
            }
        });
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isEmpty().not());
        message.visibleProperty().bind(message.managedProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.workingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox status = new HBox(8, busy, message);
        HBox.setHgrow(message, Priority.ALWAYS);

        VBox inputs = new VBox(10, fileChoice, fileBox, teamChoice, team);
        inputs.disableProperty().bind(viewModel.workingProperty());
        VBox content = new VBox(10, intro, inputs, status);
        content.setPrefWidth(600);
        content.setMinWidth(480);
        pane.setContent(content);
        for (Label wrapped : new Label[] {intro, fileNote, passwordNote, message}) {
            wrapped.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // grows with its lines, never cut
        }
        // a message (one to three lines) makes the dialog taller instead of squeezing the fields
        message.textProperty().addListener((o, was, now) -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        });

        ButtonType open = new ButtonType(messages.getString("opendb.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.getString("opendb.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().addAll(open, cancel);
        Button openButton = (Button) pane.lookupButton(open);
        openButton.setId("openDbOpen");
        openButton.disableProperty().bind(viewModel.canOpenProperty().not());
        pane.lookupButton(cancel).setId("openDbCancel");

        DatabaseOpener.Opened[] result = new DatabaseOpener.Opened[1];
        boolean[] closed = new boolean[1];
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open while the database opens, and after a failure
            viewModel.open(this::askPassphrase, opened -> {
                if (closed[0]) {
                    opened.discard(); // cancelled meanwhile
                    return;
                }
                result[0] = opened;
                dialog.setResult(open);
                dialog.close();
            });
        });
        dialog.setOnHidden(e -> closed[0] = true);
        (viewModel.kindProperty().get() == OpenDatabaseViewModel.Kind.TEAM ? url : file).requestFocus();
        dialog.showAndWait();
        closed[0] = true;
        if (result[0] != null) {
            use.accept(result[0]);
        }
    }

    private char[] askPassphrase(String database, DatabaseOpener.Lock lock, boolean wrongBefore) {
        PassphraseDialog dialog = new PassphraseDialog(messages, "opendb.cancel").ownedBy(owner);
        PassphraseDialog.Choice choice = lock == DatabaseOpener.Lock.CHOOSE ? dialog.choose(database) : dialog.unlock(database, wrongBefore);
        return switch (choice) {
            case PassphraseDialog.Choice.Passphrase given -> given.value();
            case PassphraseDialog.Choice.None none -> new char[0];
            case PassphraseDialog.Choice.Quit quit -> null;
        };
    }

    private void browse(Dialog<ButtonType> dialog) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.getString("opendb.file.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.getString("opendb.file.filter"), "*.mv.db"));
        String typed = viewModel.fileProperty().get().strip();
        if (!typed.isEmpty()) {
            Path parent = Path.of(typed).toAbsolutePath().getParent();
            if (parent != null && parent.toFile().isDirectory()) {
                chooser.setInitialDirectory(parent.toFile());
            }
        }
        File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            viewModel.fileProperty().set(chosen.getAbsolutePath());
        }
    }

    private RadioButton radio(String key, String id, ToggleGroup group) {
        RadioButton r = new RadioButton(messages.getString(key));
        r.setId(id);
        r.setToggleGroup(group);
        r.setWrapText(true);
        return r;
    }

    private TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(messages.getString(promptKey));
        return f;
    }

    private Label label(String key) {
        Label l = new Label(messages.getString(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}

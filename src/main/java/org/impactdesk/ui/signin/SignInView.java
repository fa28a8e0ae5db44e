package org.impactdesk.ui.signin;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.impactdesk.ui.fx.WindowControls;

/** Sign in: thin controller over {@link SignInViewModel}. */
public final class SignInView {
    public static final String FXML = "/fxml/signin/SignInView.fxml";

    private final SignInViewModel viewModel;
    private final WindowControls window;

    @FXML private StackPane root;
    @FXML private ComboBox<Locale> languagePicker;
    @FXML private CheckBox darkToggle;
    @FXML private VBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private TextField filterField;
    @FXML private ListView<SignInViewModel.Candidate> candidateList;
    @FXML private Button signInButton;
    @FXML private Label databaseLabel;
    @FXML private Label databaseNotice;
    @FXML private Button openDatabaseButton;
    private Runnable openDatabase;

    public SignInView(SignInViewModel viewModel, WindowControls window) {
        this.viewModel = viewModel;
        this.window = window;
    }

    @FXML
    private void initialize() {
        languagePicker.getItems().setAll(WindowControls.LANGUAGES);
        languagePicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : WindowControls.languageName(l);
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languagePicker.getSelectionModel().select(WindowControls.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(window.locale().getLanguage())).findFirst().orElse(Locale.ENGLISH));
        languagePicker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.getLanguage().equals(window.locale().getLanguage())) {
                window.switchLanguage(now);
            }
        });
        // the window's one theme state: the box shows the theme however it was set (menu, last run, a tool)
        darkToggle.selectedProperty().bindBidirectional(window.darkProperty());

        progressBox.visibleProperty().bind(viewModel.workingProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        filterField.disableProperty().bind(viewModel.workingProperty());
        candidateList.setItems(viewModel.shown());
        candidateList.disableProperty().bind(viewModel.workingProperty());
        candidateList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> highlight(now));
        // filtering changes the list's rows (and drops its selection): the one Enter signs in stays highlighted
        viewModel.shown().addListener((javafx.collections.ListChangeListener<SignInViewModel.Candidate>) c ->
                highlight(viewModel.selectedProperty().get()));
        candidateList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.signIn();
            }
        });
        candidateList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.signIn();
            }
        });
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                candidateList.requestFocus();
            }
        });
        signInButton.disableProperty().bind(viewModel.canSignInProperty().not());
        viewModel.stateProperty().addListener((obs, old, now) -> {
            if (now == SignInViewModel.State.READY) {
                candidateList.requestFocus();
            }
        });
    }

    private void highlight(SignInViewModel.Candidate candidate) {
        if (candidate == null) {
            candidateList.getSelectionModel().clearSelection();
        } else if (candidateList.getSelectionModel().getSelectedItem() != candidate) {
            candidateList.getSelectionModel().select(candidate);
            candidateList.scrollTo(candidate);
        }
    }

    /**
     * The database open now ({@code text}: "Database: " and its file or server), and what "Open database…" does (null:
     * no such action, the button is hidden); {@code notice}: said under it (null: nothing).
     */
    public void showDatabase(String text, Runnable openDatabase, String notice) {
        this.openDatabase = openDatabase;
        databaseLabel.setText(text == null ? "" : text);
        databaseLabel.setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
        databaseNotice.setText(notice == null ? "" : notice);
        databaseNotice.setManaged(notice != null);
        databaseNotice.setVisible(notice != null);
        openDatabaseButton.setVisible(openDatabase != null);
        openDatabaseButton.setManaged(openDatabase != null);
        openDatabaseButton.disableProperty().bind(viewModel.workingProperty());
    }

    @FXML
    private void openDatabase() {
        if (openDatabase != null) {
            openDatabase.run();
        }
    }

    public StackPane root() {
        return root;
    }

    public SignInViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}

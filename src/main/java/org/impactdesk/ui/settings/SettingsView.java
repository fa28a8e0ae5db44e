package org.impactdesk.ui.settings;

import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.impactdesk.ui.settings.SettingsViewModel.Field;
import org.impactdesk.ui.settings.SettingsViewModel.ModuleRow;

/** Settings: binds the form to {@link SettingsViewModel}; errors stand beside their field. */
public final class SettingsView {
    public static final String FXML = "/fxml/settings/SettingsView.fxml";
    static final String INVALID = "invalid";

    private final SettingsViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label databaseLabel;
    @FXML private HBox orgBox;
    @FXML private ComboBox<SettingsViewModel.OrgChoice> orgPicker;
    @FXML private Label messageLabel;
    @FXML private ScrollPane formScroll;
    @FXML private TextField hourlyRateField;
    @FXML private Label hourlyRateError;
    @FXML private TextField multiplierField;
    @FXML private Label multiplierError;
    @FXML private TextField costSavingField;
    @FXML private Label costSavingError;
    @FXML private TextField currencyField;
    @FXML private Label currencyError;
    @FXML private TextField quarterlyUnderField;
    @FXML private Label quarterlyUnderError;
    @FXML private TextField quarterlyOverField;
    @FXML private Label quarterlyOverError;
    @FXML private TextField halfUnderField;
    @FXML private Label halfUnderError;
    @FXML private TextField halfOverField;
    @FXML private Label halfOverError;
    @FXML private CheckBox impactCheck;
    @FXML private FlowPane modulesPane;
    @FXML private TextField newModuleField;
    @FXML private Label newModuleError;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private CheckBox reviewCheck;
    @FXML private ComboBox<String> mailLanguage;
    @FXML private TextField mailHost;
    @FXML private Label mailHostError;
    @FXML private TextField mailPort;
    @FXML private Label mailPortError;
    @FXML private ComboBox<String> mailSecurity;
    @FXML private Label mailSecurityError;
    @FXML private TextField mailUser;
    @FXML private Label mailUserError;
    @FXML private TextField mailSender;
    @FXML private Label mailSenderError;
    @FXML private Label mailPasswordNote;
    @FXML private Label mailQueue;
    @FXML private PasswordField mailPassword;
    @FXML private Button mailSendButton;
    @FXML private Button mailSaveButton;
    @FXML private Label mailMessage;

    private final MailSettingsViewModel mail;

    public SettingsView(SettingsViewModel viewModel, MailSettingsViewModel mail) {
        this.viewModel = viewModel;
        this.mail = mail;
    }

    public SettingsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        databaseLabel.textProperty().bind(viewModel.databaseFileProperty());
        orgPicker.setItems(viewModel.organizations());
        orgPicker.valueProperty().bindBidirectional(viewModel.selectedProperty());
        orgBox.visibleProperty().bind(viewModel.allowedProperty());
        formScroll.visibleProperty().bind(viewModel.allowedProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, now) -> tone(now));

        Map<Field, TextField> fields = new EnumMap<>(Field.class);
        Map<Field, Label> errors = new EnumMap<>(Field.class);
        put(fields, errors, Field.HOURLY_RATE, hourlyRateField, hourlyRateError);
        put(fields, errors, Field.SOCIAL_VALUE_MULTIPLIER, multiplierField, multiplierError);
        put(fields, errors, Field.COST_SAVING_PER_CONTACT, costSavingField, costSavingError);
        put(fields, errors, Field.CURRENCY, currencyField, currencyError);
        put(fields, errors, Field.QUARTERLY_UNDERACTIVE, quarterlyUnderField, quarterlyUnderError);
        put(fields, errors, Field.QUARTERLY_OVERLOADED, quarterlyOverField, quarterlyOverError);
        put(fields, errors, Field.HALF_YEAR_UNDERACTIVE, halfUnderField, halfUnderError);
        put(fields, errors, Field.HALF_YEAR_OVERLOADED, halfOverField, halfOverError);
        for (Field f : Field.values()) {
            TextField tf = fields.get(f);
            Label error = errors.get(f);
            tf.textProperty().bindBidirectional(viewModel.valueProperty(f));
            tf.promptTextProperty().bind(viewModel.promptProperty(f));
            tf.disableProperty().bind(viewModel.busyProperty());
            error.textProperty().bind(viewModel.errorProperty(f));
            viewModel.errorProperty(f).addListener((obs, old, now) -> invalid(tf, !now.isEmpty()));
            invalid(tf, !viewModel.errorProperty(f).get().isEmpty());
        }
        impactCheck.selectedProperty().bindBidirectional(viewModel.impactSummariesProperty());
        newModuleField.textProperty().bindBidirectional(viewModel.newModuleProperty());
        newModuleField.setOnAction(e -> viewModel.addModule());
        newModuleError.textProperty().bind(viewModel.newModuleErrorProperty());
        viewModel.modules().addListener((ListChangeListener<ModuleRow>) c -> modules());
        modules();
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        revertButton.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.busyProperty()));
        mailSection();
    }

    /** The e-mail section: its own ViewModel, following the organisation chosen above. */
    private void mailSection() {
        viewModel.selectedProperty().addListener((obs, old, now) -> mail.open(now == null ? null : now.id()));
        reviewCheck.selectedProperty().bindBidirectional(mail.reviewRequiredProperty());
        mailLanguage.getItems().setAll("nb", "en");
        mailLanguage.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : mail.languageName(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        mailLanguage.valueProperty().bindBidirectional(mail.languageProperty());
        mailSecurity.getItems().setAll("STARTTLS", "TLS");
        mailSecurity.valueProperty().bindBidirectional(mail.value(MailSettingsViewModel.Field.SECURITY));
        bindMail(MailSettingsViewModel.Field.HOST, mailHost, mailHostError);
        bindMail(MailSettingsViewModel.Field.PORT, mailPort, mailPortError);
        bindMail(MailSettingsViewModel.Field.USER, mailUser, mailUserError);
        bindMail(MailSettingsViewModel.Field.SENDER, mailSender, mailSenderError);
        mailSecurityError.textProperty().bind(mail.error(MailSettingsViewModel.Field.SECURITY));
        mailPassword.textProperty().bindBidirectional(mail.passwordProperty());
        mailPasswordNote.textProperty().bind(mail.passwordNoteProperty());
        mailQueue.textProperty().bind(mail.queueProperty());
        mailMessage.textProperty().bind(mail.messageProperty());
        mail.messageIsErrorProperty().addListener((obs, old, now) -> {
            mailMessage.getStyleClass().remove("error");
            if (now) {
                mailMessage.getStyleClass().add("error");
            }
        });
        mailSaveButton.disableProperty().bind(mail.busyProperty().or(mail.validProperty().not()));
        mailSendButton.disableProperty().bind(mail.busyProperty());
    }

    private void bindMail(MailSettingsViewModel.Field f, TextField tf, Label error) {
        tf.textProperty().bindBidirectional(mail.value(f));
        error.textProperty().bind(mail.error(f));
        error.setLabelFor(tf);
        mail.error(f).addListener((obs, old, now) -> invalid(tf, !now.isEmpty()));
    }

    @FXML
    private void saveMail() {
        mail.save();
    }

    @FXML
    private void sendMail() {
        mail.sendNow();
    }

    private static void put(Map<Field, TextField> fields, Map<Field, Label> errors, Field f, TextField tf, Label l) {
        fields.put(f, tf);
        errors.put(f, l);
        l.setLabelFor(tf);
    }

    private void modules() {
        modulesPane.getChildren().setAll(viewModel.modules().stream().map(m -> {
            CheckBox box = new CheckBox(m.module());
            box.setId("module-" + m.module());
            box.selectedProperty().bindBidirectional(m.enabledProperty());
            return box;
        }).toList());
    }

    private static void invalid(TextField tf, boolean invalid) {
        if (invalid && !tf.getStyleClass().contains(INVALID)) {
            tf.getStyleClass().add(INVALID);
        } else if (!invalid) {
            tf.getStyleClass().remove(INVALID);
        }
    }

    private void tone(boolean error) {
        messageLabel.getStyleClass().remove("error");
        if (error) {
            messageLabel.getStyleClass().add("error");
        }
    }

    public TextField searchField() {
        return hourlyRateField;
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void revert() {
        viewModel.revert();
    }

    @FXML
    private void addModule() {
        viewModel.addModule();
    }
}

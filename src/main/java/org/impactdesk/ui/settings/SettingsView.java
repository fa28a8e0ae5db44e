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
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.ui.fx.Loading;
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
    @FXML private TextField funderGroupParticipantsField;
    @FXML private Label funderGroupParticipantsError;
    @FXML private TextField funderGroupMinutesField;
    @FXML private Label funderGroupMinutesError;
    @FXML private TextField funderCoursePeopleField;
    @FXML private Label funderCoursePeopleError;
    @FXML private TextField funderCourseMinutesField;
    @FXML private Label funderCourseMinutesError;
    @FXML private javafx.scene.layout.VBox funderSection;
    @FXML private javafx.scene.layout.GridPane funderTypesGrid;
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
        Loading.busy(busyIndicator, viewModel.busyProperty());
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
        put(fields, errors, Field.FUNDER_GROUP_MIN_PARTICIPANTS, funderGroupParticipantsField, funderGroupParticipantsError);
        put(fields, errors, Field.FUNDER_GROUP_MIN_MINUTES, funderGroupMinutesField, funderGroupMinutesError);
        put(fields, errors, Field.FUNDER_COURSE_MIN_PEOPLE, funderCoursePeopleField, funderCoursePeopleError);
        put(fields, errors, Field.FUNDER_COURSE_MIN_MINUTES, funderCourseMinutesField, funderCourseMinutesError);
        funderSection.setVisible(viewModel.offersFunder());
        funderSection.setManaged(viewModel.offersFunder());
        viewModel.funderTypes().addListener((ListChangeListener<SettingsViewModel.FunderTypeRow>) c -> funderTypes());
        funderTypes();
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

    /** One line per activity type: its name and key, and a choice of category (or the default). */
    private void funderTypes() {
        funderTypesGrid.getChildren().clear();
        Label typeHead = new Label(viewModel.text("settings.funder.type"));
        Label categoryHead = new Label(viewModel.text("settings.funder.category"));
        typeHead.getStyleClass().add("column-title");
        categoryHead.getStyleClass().add("column-title");
        funderTypesGrid.addRow(0, typeHead, categoryHead);
        int row = 1;
        for (SettingsViewModel.FunderTypeRow t : viewModel.funderTypes()) {
            Label name = new Label(t.name() + " (" + t.key() + ")");
            name.setWrapText(true);
            javafx.scene.control.ComboBox<FunderCategory> choice = new javafx.scene.control.ComboBox<>();
            choice.setId("funderCategory-" + t.key());
            choice.getItems().add(null);
            choice.getItems().addAll(FunderCategory.values());
            javafx.util.Callback<javafx.scene.control.ListView<FunderCategory>, javafx.scene.control.ListCell<FunderCategory>> cells =
                    l -> new javafx.scene.control.ListCell<>() {
                        @Override
                        protected void updateItem(FunderCategory item, boolean empty) {
                            super.updateItem(item, empty);
                            setText(empty ? null : viewModel.categoryText(item, t));
                        }
                    };
            choice.setCellFactory(cells);
            choice.setButtonCell(cells.call(null));
            choice.valueProperty().bindBidirectional(t.choiceProperty());
            choice.disableProperty().bind(viewModel.busyProperty());
            choice.setMaxWidth(Double.MAX_VALUE);
            name.setLabelFor(choice);
            funderTypesGrid.addRow(row++, name, choice);
        }
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

    @FXML private Label mailTitle;

    /**
     * Scrolls the form so the e-mail section is at the top, and keeps it there while the form's
     * content grows as the organisation's settings land, until the user scrolls or clicks.
     */
    public void showMailSection() {
        javafx.beans.value.ChangeListener<javafx.geometry.Bounds> keep = (obs, old, now) -> scrollToMail();
        formScroll.getContent().layoutBoundsProperty().addListener(keep);
        formScroll.viewportBoundsProperty().addListener(keep);
        mailTitle.boundsInParentProperty().addListener(keep);
        javafx.event.EventHandler<javafx.event.Event> userMoved = e -> {
            formScroll.getContent().layoutBoundsProperty().removeListener(keep);
            formScroll.viewportBoundsProperty().removeListener(keep);
            mailTitle.boundsInParentProperty().removeListener(keep);
        };
        formScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, userMoved::handle);
        formScroll.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, userMoved::handle);
        formScroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, userMoved::handle);
        scrollToMail();
    }

    private void scrollToMail() {
        double room = formScroll.getContent().getLayoutBounds().getHeight() - formScroll.getViewportBounds().getHeight();
        if (room > 0) {
            formScroll.setVvalue(Math.min(1, mailTitle.getBoundsInParent().getMinY() / room));
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

package org.impactdesk.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a View's FXML (from {@code /fxml/...} on the class path) with the message bundle of
 * the chosen locale, handing it the controller the caller built (a View holding its ViewModel):
 * no static registry, no controller made by reflection.
 */
public final class ViewLoader {
    public static final String BUNDLE = "i18n.messages";

    private final Locale locale;

    public ViewLoader(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** Loads {@code fxmlPath} (e.g. "/fxml/team/TeamView.fxml") with {@code controller} as its fx:controller. */
    public Parent load(String fxmlPath, Object controller) {
        URL url = ViewLoader.class.getResource(fxmlPath);
        if (url == null) {
            throw new IllegalArgumentException("No FXML at " + fxmlPath);
        }
        FXMLLoader loader = new FXMLLoader(url, bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxmlPath + " wants a " + type.getName()
                        + " but was given a " + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxmlPath + ": " + e.getMessage(), e);
        }
    }
}

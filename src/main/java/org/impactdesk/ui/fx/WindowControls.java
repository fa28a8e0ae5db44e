package org.impactdesk.ui.fx;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;

/** What every scene of the window may change about it: language (restarts the scene) and theme. */
public interface WindowControls {
    Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    List<Locale> LANGUAGES = List.of(Locale.ENGLISH, NORWEGIAN);

    Locale locale();

    void switchLanguage(Locale locale);

    /**
     * The window's one theme state (true: dark): what the sign-in screen's "Dark theme" box and the
     * View menu's item bind to, so each shows the theme however it was set (the menu, the box, the
     * theme remembered from the last run, a tool).
     */
    BooleanProperty darkProperty();

    default boolean isDark() {
        return darkProperty().get();
    }

    default void setDark(boolean dark) {
        darkProperty().set(dark);
    }

    /** A language's name in itself. */
    static String languageName(Locale l) {
        return "nb".equals(l.getLanguage()) || "no".equals(l.getLanguage()) ? "Norsk bokmål" : "English";
    }
}

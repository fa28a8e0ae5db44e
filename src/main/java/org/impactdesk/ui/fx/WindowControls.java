package org.impactdesk.ui.fx;

import java.util.List;
import java.util.Locale;

/** What every scene of the window may change about it: language (restarts the scene) and theme. */
public interface WindowControls {
    Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    List<Locale> LANGUAGES = List.of(Locale.ENGLISH, NORWEGIAN);

    Locale locale();

    void switchLanguage(Locale locale);

    boolean isDark();

    void setDark(boolean dark);

    /** A language's name in itself. */
    static String languageName(Locale l) {
        return "nb".equals(l.getLanguage()) || "no".equals(l.getLanguage()) ? "Norsk bokmål" : "English";
    }
}

package org.impactdesk.ui.achievements;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.Problem;

/**
 * The Achievements screen's texts in the chosen language: bundle lookups that fall back to the key
 * (so a missing key shows, and {@code I18nConsistencyTest} catches it), patterns with arguments, and
 * catalog problems as sentences. Plain Java over a {@link ResourceBundle}.
 */
final class AchievementTexts {
    private final ResourceBundle messages;
    private final Locale locale;

    AchievementTexts(ResourceBundle messages) {
        this.messages = messages;
        this.locale = BundleText.locale(messages);
    }

    ResourceBundle messages() {
        return messages;
    }

    /** The bundle's locale, English for the root bundle. */
    Locale locale() {
        return locale;
    }

    /** The text of {@code key}, or the key itself when the bundle lacks it. */
    String text(String key) {
        try {
            return messages.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The pattern of {@code key} with {@code args} put in. */
    String format(String key, Object... args) {
        return BundleText.pattern(text(key), locale, args);
    }

    /** A category's label; an unknown stored category shows its code. */
    String category(String code) {
        try {
            return messages.getString("achievements.category." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** A badge's name in the chosen language: its Norwegian name in Norwegian where it has one. */
    String badgeName(org.impactdesk.domain.Achievement b) {
        return org.impactdesk.domain.BadgeNames.shown(b.name(), b.nameNb(), messages);
    }

    /** A trigger type's label. */
    String trigger(String code) {
        return text("achievements.trigger." + code);
    }

    /** A problem in the chosen language. */
    String problem(Problem p) {
        String pattern = text("achievements.problem." + p.code());
        Object[] args = p.args().toArray();
        if ("metadata_not_json".equals(p.code()) && args.length == 4) {
            // line, column, the reason's key (json.error.*) and what was found: the reason said in this language
            args = new Object[] {args[0], args[1], format(String.valueOf(args[2]), args[3])};
        }
        return BundleText.pattern(pattern.replace("'", "''"), locale, args);
    }
}

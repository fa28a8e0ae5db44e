package org.impactdesk.ui.achievements;

import java.util.List;
import org.impactdesk.domain.Achievement;
import org.impactdesk.service.catalog.AchievementService.Catalog;

/**
 * The hints beside the Achievements form, as plain functions of the form's values: the icon preview
 * (a bundled PNG asset, or a placeholder with initials and a note saying why) and which
 * organisations have the module a badge needs.
 */
final class BadgeHints {
    private BadgeHints() {
    }

    /** What the icon preview shows: a classpath asset (or null for the placeholder), initials and a note. */
    record Icon(String asset, String initials, String note) {
    }

    /** The icon preview of {@code iconUrl}; the initials come from the name, else the key. */
    static Icon icon(String iconUrl, String name, String key, AchievementTexts texts) {
        String icon = iconUrl == null ? "" : iconUrl.trim();
        String n = name == null ? "" : name.trim();
        String initials = initials(n.isEmpty() ? key : n);
        if (icon.isEmpty()) {
            return new Icon(null, initials, texts.text("achievements.icon.placeholder"));
        }
        if (Achievement.ICON_ASSET.matcher(icon).matches()) {
            if (icon.endsWith(".png") && BadgeHints.class.getResource("/" + icon) != null) {
                return new Icon("/" + icon, initials, texts.format("achievements.icon.asset", icon));
            }
            return new Icon(null, initials,
                    texts.format(icon.endsWith(".svg") ? "achievements.icon.svg" : "achievements.icon.missing", icon));
        }
        if (Achievement.ICON_HTTPS.matcher(icon).matches()) {
            return new Icon(null, initials, texts.text("achievements.icon.web"));
        }
        return new Icon(null, initials, texts.text("achievements.icon.invalid"));
    }

    /** Up to two initials of a name or key, for the icon placeholder ("?" for nothing). */
    static String initials(String s) {
        if (s == null || s.isBlank()) {
            return "?";
        }
        String[] words = s.trim().split("[\\s_]+");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && b.length() < 2) {
                b.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
            }
        }
        return b.toString();
    }

    /**
     * Which organisations have {@code requiresModule} enabled: among all of the catalog's for a
     * platform badge ({@code owner} null), else the owner alone. Empty text while no catalog is loaded.
     */
    static String modules(String requiresModule, String owner, Catalog catalog, AchievementTexts texts) {
        String module = requiresModule == null ? "" : requiresModule.trim();
        if (module.isEmpty()) {
            return texts.text("achievements.modules.none");
        }
        if (catalog == null) {
            return "";
        }
        List<String> with = catalog.organizationsWith(module);
        if (owner != null) {
            String ownName = organizationName(catalog, owner);
            with = with.stream().filter(n -> n.equals(ownName)).toList();
        }
        return with.isEmpty() ? texts.format("achievements.modules.nobody", module)
                : texts.format("achievements.modules.enabled", module, String.join(", ", with));
    }

    /** An organisation's name in the catalog, or its id when the catalog does not list it. */
    static String organizationName(Catalog catalog, String org) {
        if (catalog == null) {
            return org;
        }
        return catalog.organizations().stream().filter(o -> o.id().equals(org)).map(o -> o.name())
                .findFirst().orElse(org);
    }
}

package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;

@MigratedH2
class BadgeNamesTest {
    static final ResourceBundle EN = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
    static final ResourceBundle NB = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb"));

    @Test
    void aPlatformBadgeIsShownInTheReadersLanguageAndAnOrganisationsOwnNameAsStored() {
        assertThat(BadgeNames.shown("First step", NB)).isEqualTo("Første steg");
        assertThat(BadgeNames.shown("Year in review", NB)).isEqualTo("Året som gikk");
        assertThat(BadgeNames.shown("First step", EN)).isEqualTo("First step");
        assertThat(BadgeNames.shown("Kaffekopp", NB)).isEqualTo("Kaffekopp");
        assertThat(BadgeNames.shown("First steps", NB)).isEqualTo("First steps");
        assertThat(BadgeNames.shown(null, NB)).isNull();
    }

    /** The bundles' English names are the stored ones: a catalog migration that renames a badge fails here. */
    @Test
    void everyPlatformBadgeOfTheCatalogHasItsStoredNameInEnglishAndANorwegianName(Database db) {
        List<List<String>> platform = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT key, name FROM achievements WHERE organization_id IS NULL ORDER BY sort_order")
                .map((rs, ctx) -> List.of(rs.getString("key"), rs.getString("name"))).list());
        assertThat(platform).hasSize(16);
        for (List<String> badge : platform) {
            String key = BadgeNames.PREFIX + badge.get(0);
            assertThat(EN.getString(key)).as(key).isEqualTo(badge.get(1));
            assertThat(NB.getString(key)).as(key).isNotBlank().isNotEqualTo(badge.get(1));
        }
    }
}

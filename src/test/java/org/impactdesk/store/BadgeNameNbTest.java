package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.TriggerType;
import org.junit.jupiter.api.Test;

/** V88: badges' Norwegian names in the catalog, written and read by the DAOs, carried with awards. */
@MigratedH2
class BadgeNameNbTest {

    @Test
    void thePlatformCatalogHasEveryBadgesNorwegianName(Database db) {
        List<Achievement> platform = db.jdbi().onDemand(AchievementDao.class).platform();
        assertThat(platform).hasSize(16).allSatisfy(a -> assertThat(a.nameNb()).isNotBlank());
        assertThat(platform).filteredOn(a -> a.key().equals("annual_wrapped")).singleElement()
                .satisfies(a -> assertThat(a.nameNb()).isEqualTo("Året som gikk"));
        assertThat(platform).filteredOn(a -> a.key().equals("monthly_regular")).singleElement()
                .satisfies(a -> assertThat(a.nameNb()).isEqualTo("Jevnlig denne måneden"));
    }

    @Test
    void anOrganisationsBadgeKeepsItsNorwegianNameOrNoneAndBlankIsRefused(Database db) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO organizations (id, name) VALUES ('o1', 'Org')"));
        AchievementDao dao = db.jdbi().onDemand(AchievementDao.class);
        Instant now = Instant.parse("2026-01-10T08:00:00Z");
        Achievement visits = new Achievement(UUID.randomUUID(), "o1", "home_visits", "Home visitor", "Hjemmebesøker",
                "Five home visits.", null, "activities", TriggerType.ACTIVITY_COUNT, 5, null, 10, false, null, true, null,
                10, now, now);
        dao.insert(visits);
        assertThat(dao.find(visits.id()).orElseThrow().nameNb()).isEqualTo("Hjemmebesøker");
        assertThat(dao.update(new Achievement(visits.id(), "o1", "home_visits", "Home visitor", null, "Five home visits.",
                null, "activities", TriggerType.ACTIVITY_COUNT, 5, null, 10, false, null, true, null, 10, now, now))).isTrue();
        assertThat(dao.find(visits.id()).orElseThrow().nameNb()).as("none: Norwegian screens show the English name").isNull();
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "UPDATE achievements SET name_nb = '  ' WHERE id = ?", visits.id())))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("achievement_name_nb_not_blank")); // H2 names it in capitals, PostgreSQL as written
    }

    @Test
    void awardsCarryTheNorwegianNameToTheSummaries(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('o1', 'Org')");
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u1', 'o1', 'Mira')");
            h.execute("INSERT INTO user_achievements (user_id, achievement_id, period_key, awarded_at) VALUES "
                    + "('u1', '0b5e0000-0000-4000-8000-000000000001', 'once', TIMESTAMP WITH TIME ZONE '2025-03-01 10:00:00+00')");
        });
        Map<String, List<MentorHistory.Award>> awards = db.jdbi().withHandle(h -> new SummaryInputDao(h).awards("o1"));
        assertThat(awards.get("u1")).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("First step");
            assertThat(a.nameNb()).isEqualTo("Første steg");
        });
        MentorSummaryDao reader = new MentorSummaryDao(db.jdbi());
        List<String> ids = List.of("0b5e0000-0000-4000-8000-000000000001", "0b5e0000-0000-4000-8000-000000000010");
        assertThat(reader.achievementNamesNb(ids)).containsEntry("0b5e0000-0000-4000-8000-000000000001", "Første steg")
                .containsEntry("0b5e0000-0000-4000-8000-000000000010", "Året som gikk");
        assertThat(reader.annualAchievements(ids)).containsExactly("0b5e0000-0000-4000-8000-000000000010");
    }
}

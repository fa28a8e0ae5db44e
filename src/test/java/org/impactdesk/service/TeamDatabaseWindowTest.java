package org.impactdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.TeamRoles;
import org.impactdesk.store.TestPostgres;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.shell.ScreenRegistry;
import org.impactdesk.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window on a team database (issue 20 items 2 and 3), on the embedded PostgreSQL with the worked
 * example (Kim coordinates la-2 only): after sign-in the screens' reads run as the person's role, so
 * the row-level security policies decide what they see even where a service's own scope filter
 * would let everything through; and a change made by another desktop (a second open database, as a
 * second process has) puts the shell out of date until Refresh, which shows the new figures.
 */
class TeamDatabaseWindowTest {
    String url;
    Database db;
    Services services;

    @BeforeEach
    void exampleWithRoles() {
        url = TestPostgres.freshDatabase();
        db = Database.open(url, null);
        ExampleBundleFixture.load(db);
        TeamRoles.grant(db);
        services = new Services(db);
    }

    @AfterEach
    void drop() {
        db.close();
        TestPostgres.drop(url);
    }

    static List<String> column(org.jdbi.v3.core.Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void signedInAsACoordinatorTheScreensReadOnlyTheirAssociationThroughThePoliciesEvenWithoutAScopeFilter() {
        List<String> allMentors = services.mentors.mentorsInScope(Actor.localOperator()).stream().map(MentorRef::peerMentorId).toList();
        assertThat(column(db.readJdbi(), "SELECT DISTINCT local_association_id FROM activities"))
                .as("before sign-in: the URL's own role").contains("la-1", "la-2");

        db.readAs("user-kim"); // what the window does on sign-in
        assertThat(column(db.readJdbi(), "SELECT current_user")).containsExactly(
                column(db.jdbi(), "SELECT role_name FROM db_roles WHERE user_id = 'user-kim'").get(0));
        assertThat(column(db.readJdbi(), "SELECT DISTINCT local_association_id FROM activities"))
                .as("a plain SELECT with no WHERE, through the screens' connections").containsExactly("la-2");

        // the service asked with an actor whose scope is everything (a missing or wrong scope filter):
        // the database still answers with Kim's association only
        List<String> kimsMentors = column(db.jdbi(), """
                SELECT DISTINCT pm.id FROM peer_mentors pm JOIN peer_mentor_associations a ON a.peer_mentor_id = pm.id
                WHERE a.local_association_id = 'la-2'""");
        assertThat(kimsMentors).isNotEmpty().hasSizeLessThan(allMentors.size());
        assertThat(services.mentors.mentorsInScope(Actor.localOperator())).extracting(MentorRef::peerMentorId)
                .containsExactlyInAnyOrderElementsOf(kimsMentors);
        Actor kim = services.actor("user-kim").orElseThrow();
        assertThat(services.mentors.mentorsInScope(kim)).extracting(MentorRef::peerMentorId).containsExactlyInAnyOrderElementsOf(kimsMentors);
        // Home and Team as Kim: their queries (scope joins included) may read what they join, and show Kim's team
        db.readAs(null);
        services.generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null,
                LocalDate.of(2026, 1, 10), false), Actor.localOperator());
        db.readAs("user-kim");
        org.impactdesk.domain.Period half = new org.impactdesk.domain.Period.Half(2025, 1);
        assertThat(services.home.figures(kim, half).mentorsInScope()).isPositive().isLessThanOrEqualTo(kimsMentors.size());
        assertThat(services.team.table(kim, half).mentorLines()).isNotEmpty()
                .allSatisfy(line -> assertThat(kimsMentors).contains(line.peerMentorId()));
        List<String> kimsUsers = column(db.jdbi(), """
                SELECT pm.user_id FROM peer_mentors pm JOIN peer_mentor_associations a ON a.peer_mentor_id = pm.id
                WHERE a.local_association_id = 'la-2' UNION SELECT 'user-kim'""");
        assertThat(column(db.readJdbi(), "SELECT DISTINCT user_id FROM periodic_summaries"))
                .as("summaries of Kim's mentors and Kim's team rows only").isNotEmpty()
                .allSatisfy(u -> assertThat(u).isIn(kimsUsers));

        assertThat(column(db.jdbi(), "SELECT current_user")).as("writes and the rest: the URL's role").containsExactly("postgres");
        db.readAs(null); // sign-out
        assertThat(column(db.readJdbi(), "SELECT current_user")).as("the pooled connection was reset").containsExactly("postgres");
        assertThat(services.mentors.mentorsInScope(Actor.localOperator())).extracting(MentorRef::peerMentorId)
                .containsExactlyInAnyOrderElementsOf(allMentors);
    }

    @Test
    void aPersonWithoutARoleReadsNothingAndIsToldToRunDbGrant() {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM db_roles WHERE user_id = 'user-mira'"));
        db.readAs("user-mira");
        assertThatThrownBy(() -> column(db.readJdbi(), "SELECT id FROM activities"))
                .hasMessageContaining("user-mira has no database role").hasMessageContaining("db grant");
        db.readAs("user-kim");
        assertThat(column(db.readJdbi(), "SELECT DISTINCT local_association_id FROM activities")).as("the others keep theirs")
                .containsExactly("la-2");
    }

    @Test
    void aGenerationOnAnotherDesktopPutsTheWindowOutOfDateAndRefreshShowsTheNewSummaries() {
        Actor ada = services.actor("user-ada").orElseThrow();
        ShellViewModel shell = new ShellViewModel(new ScreenRegistry(), ada, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new Formats(Locale.ENGLISH), ZoneId.of("Europe/Oslo"),
                db.location().text(), Optional::empty, services.changes);
        long[] shown = {summaries()};
        shell.setReloader(() -> shown[0] = summaries()); // the screen's reload
        shell.start();
        assertThat(shown[0]).isZero();

        // this window's own generation is not news to it
        GenerationRequest request = new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ANNUAL, "org-1",
                LocalDate.of(2026, 1, 10), false);
        services.generation.generate(request, ada);
        shell.checkForChanges();
        assertThat(shell.changedElsewhereProperty().get()).isFalse();
        shell.refreshChanged();
        long before = shown[0];
        assertThat(before).isPositive();

        try (Database other = Database.open(url, null)) { // another desktop on the same server
            Services elsewhere = new Services(other);
            elsewhere.generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, "org-1",
                    LocalDate.of(2026, 1, 10), false), elsewhere.actor("user-ada").orElseThrow());
        }
        shell.checkForChanges();
        assertThat(shell.changedElsewhereProperty().get()).isTrue();
        assertThat(shell.changedTextProperty().get()).contains("by " + ada.displayName()).contains("(new summaries)");
        assertThat(shown[0]).as("nothing reloads until Refresh").isEqualTo(before);

        shell.refreshChanged();
        assertThat(shell.changedElsewhereProperty().get()).isFalse();
        assertThat(shown[0]).as("the half-year and quarter summaries the other desktop made").isGreaterThan(before);
        shell.checkForChanges();
        assertThat(shell.changedElsewhereProperty().get()).isFalse();
    }

    @Test
    void aNoteOnAnotherDesktopIsNewsToItsAuthorOnlyAndAReleaseToEveryone() {
        services.generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null,
                LocalDate.of(2026, 1, 10), false), Actor.localOperator());
        Actor kim = services.actor("user-kim").orElseThrow();
        Actor ada = services.actor("user-ada").orElseThrow();
        ShellViewModel kims = shell(kim);
        ShellViewModel adas = shell(ada);

        try (Database other = Database.open(url, null)) { // Kim's laptop and the admin's desktop
            Services elsewhere = new Services(other);
            elsewhere.followUps.save(kim, "pm-3", new org.impactdesk.domain.Period.Quarter(2025, 1), LocalDate.of(2025, 4, 8),
                    "Called Sofie");
            kims.checkForChanges();
            adas.checkForChanges();
            assertThat(kims.changedTextProperty().get()).contains("by Kim Koordinator (a follow-up note)");
            assertThat(adas.changedElsewhereProperty().get()).as("Kim's notes are Kim's alone").isFalse();

            kims.refreshChanged();
            elsewhere.releases.hold("pm-1", 2025, "Away until March", ada);
            kims.checkForChanges();
            adas.checkForChanges();
            assertThat(kims.changedTextProperty().get()).contains("by Ada Admin (a Wrapped review or release)");
            assertThat(adas.changedTextProperty().get()).contains("by Ada Admin (a Wrapped review or release)");
        }
    }

    ShellViewModel shell(Actor who) {
        ShellViewModel shell = new ShellViewModel(new ScreenRegistry(), who, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new Formats(Locale.ENGLISH), ZoneId.of("Europe/Oslo"),
                db.location().text(), Optional::empty, services.changes);
        shell.setReloader(() -> { });
        shell.start();
        return shell;
    }

    long summaries() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM periodic_summaries").mapTo(Long.class).one())
                + db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries").mapTo(Long.class).one());
    }
}

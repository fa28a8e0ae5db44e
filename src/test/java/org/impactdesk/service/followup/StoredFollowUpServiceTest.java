package org.impactdesk.service.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups in the database (the worked example: Kim coordinates la-2 with Mira pm-1 and Sofie
 * pm-3; Jonas pm-2 is outside Kim's scope). Liv is a second coordinator of la-2.
 */
@MigratedH2
class StoredFollowUpServiceTest {
    static final Actor KIM = ExampleDatabase.KIM;
    static final Actor LIV = new Actor("user-liv", "Liv Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Period Q1 = new Period.Quarter(2025, 1);
    static final Period Q2 = new Period.Quarter(2025, 2);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);

    Database db;
    FollowUpService service;

    @BeforeEach
    void open(Database db) {
        this.db = ExampleDatabase.fill(db);
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('user-liv', 'org-1', 'Liv Koordinator')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-liv', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-liv', 'la-2')");
        });
        service = new StoredFollowUpService(new FollowUpDao(db.jdbi()), CLOCK);
    }

    int rows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM follow_up_notes").mapTo(Integer.class).one());
    }

    @Test
    void aFollowUpIsTheAuthorsAloneAndCarriedIntoTheNextPeriod() {
        FollowUp f = service.save(KIM, "pm-3", Q1, LocalDate.of(2025, 4, 8), "  Called Sofie  ");
        assertThat(f.note()).isEqualTo("Called Sofie");
        assertThat(f.period()).isEqualTo(Q1);

        assertThat(service.marks(KIM, Q1)).extracting(FollowUp::peerMentorId).containsExactly("pm-3");
        assertThat(service.marks(KIM, Q2)).as("carried: the period before is read with the next one")
                .extracting(FollowUp::period).containsExactly(Q1);
        assertThat(service.marks(KIM, new Period.Quarter(2025, 3))).isEmpty();

        assertThat(service.marks(LIV, Q1)).as("another coordinator of the same mentors").isEmpty();
        assertThat(service.trail(LIV, "pm-3", Q1).followUps()).isEmpty();
        assertThatThrownBy(() -> service.delete(LIV, f.id())).isInstanceOf(FollowUpRefusedException.class)
                .hasMessageContaining("of yours");
        assertThat(rows()).isEqualTo(1);
        assertThat(service.marks(ExampleDatabase.ADA, Q1)).as("not even the org admin").isEmpty();
    }

    @Test
    void theTrailHoldsTheStoredRowsTheProfileAndTheFollowUps() {
        service.save(KIM, "pm-3", Q1, LocalDate.of(2025, 4, 8), "Called");
        MentorTrail t = service.trail(KIM, "pm-3", Q1);
        assertThat(t.status()).isEqualTo("active");
        assertThat(t.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.period()).isInstanceOf(Period.Quarter.class));
        assertThat(t.rows()).filteredOn(r -> r.period().equals(Q1)).singleElement()
                .satisfies(r -> {
                    assertThat(r.sessions()).isEqualTo(2);
                    assertThat(r.status()).isEqualTo(OutlierStatus.UNDERACTIVE);
                });
        assertThat(t.followUps()).extracting(FollowUp::note).containsExactly("Called");
        assertThat(service.trail(KIM, "pm-3", new Period.Half(2025, 1)).followUps())
                .as("a quarter's follow-up is not a half's").isEmpty();
    }

    @Test
    void savingAgainReplacesAndDeletingRemoves() {
        FollowUp first = service.save(KIM, "pm-1", Q1, LocalDate.of(2025, 4, 2), "first");
        FollowUp second = service.save(KIM, "pm-1", Q1, LocalDate.of(2025, 4, 3), "second");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(rows()).isEqualTo(1);
        assertThat(service.marks(KIM, Q1)).singleElement().satisfies(f -> {
            assertThat(f.note()).isEqualTo("second");
            assertThat(f.followedUpOn()).isEqualTo(LocalDate.of(2025, 4, 3));
        });
        service.delete(KIM, second.id());
        assertThat(rows()).isZero();
        assertThatThrownBy(() -> service.delete(KIM, second.id())).isInstanceOf(FollowUpRefusedException.class);
    }

    @Test
    void aMentorOutsideTheScopeOrABadDraftIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> service.save(KIM, "pm-2", Q1, LocalDate.of(2025, 4, 2), "Jonas"))
                .isInstanceOf(FollowUpRefusedException.class).hasMessage("No peer mentor pm-2 in your scope");
        assertThatThrownBy(() -> service.save(KIM, "pm-3", Q1, LocalDate.of(2026, 1, 11), "tomorrow"))
                .isInstanceOf(FollowUpRefusedException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> service.save(KIM, "pm-3", Q1, LocalDate.of(2025, 4, 2), "x".repeat(501)))
                .isInstanceOf(FollowUpRefusedException.class).hasMessageContaining("501 characters");
        assertThatThrownBy(() -> service.save(ExampleDatabase.SOFIE, "pm-3", Q1, LocalDate.of(2025, 4, 2), "me"))
                .isInstanceOf(FollowUpRefusedException.class);
        assertThatThrownBy(() -> service.trail(KIM, "pm-2", Q1)).isInstanceOf(FollowUpRefusedException.class);
        assertThat(rows()).isZero();
    }
}

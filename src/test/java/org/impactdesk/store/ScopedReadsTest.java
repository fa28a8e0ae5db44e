package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.ImpactSummary;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.service.team.TeamFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DAO method that takes a {@link Scope} (METRICS.md "Access"), on a migrated H2 file holding
 * two organisations made by the real generation ({@link TeamFixture}: the worked example org-1
 * with Mira pm-1 in la-1|la-2, Jonas pm-2 in la-1, Sofie pm-3 in la-2, coordinator Kim of la-2,
 * org admin Ada; org-2 with Olga pm-9 in la-9 and coordinator Per whose coordinator_scopes wrongly
 * also lists org-1's la-2), plus the platform badges awarded by the real evaluator and share
 * counts in both organisations. Each method is called for every kind of actor and must return
 * exactly the rows of the mentors (or team rows) that actor may see, by id.
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class ScopedReadsTest {
    static final String PM_MIRA = "pm-1";
    static final String PM_JONAS = "pm-2";
    static final String PM_SOFIE = "pm-3";
    static final String PM_OLGA = "pm-9";
    static final List<String> ALL_MENTORS = List.of(PM_MIRA, PM_JONAS, PM_SOFIE, PM_OLGA);
    static final List<String> ALL_COORDINATORS = List.of("user-kim", "user-per");
    static final Map<String, String> USER_OF = Map.of(PM_MIRA, "user-mira", PM_JONAS, "user-jonas",
            PM_SOFIE, "user-sofie", PM_OLGA, "user-olga");
    static final Period Q1 = new Period.Quarter(2025, 1);

    /** An actor with exactly the mentors and coordinator team rows it may see. */
    record Case(String name, Actor actor, Set<String> mentors, Set<String> coordinators) {
        Scope scope() {
            return actor.scope();
        }

        Set<String> users() {
            return mentors.stream().map(USER_OF::get).collect(Collectors.toSet());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("coordinator Kim (la-2)", TeamFixture.KIM, Set.of(PM_MIRA, PM_SOFIE), Set.of("user-kim")),
                new Case("org admin Ada (org-1)", TeamFixture.ADA, Set.of(PM_MIRA, PM_JONAS, PM_SOFIE), Set.of("user-kim")),
                new Case("peer mentor Mira", TeamFixture.MIRA, Set.of(PM_MIRA), Set.of()),
                new Case("coordinator Per (org-2, scope wrongly lists org-1's la-2)", TeamFixture.PER, Set.of(PM_OLGA),
                        Set.of("user-per")),
                new Case("org admin Odd (org-2)", new Actor("user-odd", "Odd Other", "org-2", Set.of(Role.ORG_ADMIN), null),
                        Set.of(PM_OLGA), Set.of("user-per")),
                new Case("peer mentor Olga (org-2)", new Actor("user-olga", "Olga Annen", "org-2", Set.of(Role.PEER_MENTOR), PM_OLGA),
                        Set.of(PM_OLGA), Set.of()),
                new Case("coordinator without associations", new Actor("user-cora", "Cora", "org-1", Set.of(Role.COORDINATOR), null),
                        Set.of(), Set.of()),
                new Case("global admin", new Actor("user-gina", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null),
                        Set.copyOf(ALL_MENTORS), Set.copyOf(ALL_COORDINATORS)),
                new Case("local operator", Actor.localOperator(), Set.copyOf(ALL_MENTORS), Set.copyOf(ALL_COORDINATORS)));
    }

    static Database db;

    @BeforeAll
    static void open(Database db) {
        ScopedReadsTest.db = db;
        TeamFixture.write(db);
        new AchievementEvaluation(db.jdbi()).evaluate(Actor.localOperator(), null);
        ShareDao share = new ShareDao(db.jdbi());
        // every ready Wrapped released after an admin's review (issue 19): its mentor sees it and may share it
        db.jdbi().useHandle(h -> h.execute("INSERT INTO annual_releases (annual_summary_id, released_at, released_by) "
                + "SELECT id, CURRENT_TIMESTAMP, 'test' FROM annual_summaries WHERE status = 'ready'"));
        for (String pm : List.of(PM_MIRA, PM_OLGA)) {
            assertThat(share.incrementShared(annualId(pm), null, null)).as(pm).isTrue();
        }
        share.setShareFirstName(PM_OLGA, true);
        db.jdbi().useHandle(h -> h.execute("UPDATE impact_summaries SET share_count = 2 WHERE peer_mentor_id IN ('pm-1', 'pm-9')"));
    }

    // ---------------------------------------------------------------- raw reads (the truth, unscoped)

    static List<String> raw(String sql, Object... args) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(String.class).list();
        });
    }

    static UUID annualId(String pm) {
        return UUID.fromString(raw("SELECT CAST(id AS VARCHAR) FROM annual_summaries WHERE peer_mentor_id = ? AND year = 2025", pm).get(0));
    }

    static UUID impactId(String pm) {
        return UUID.fromString(raw("SELECT CAST(id AS VARCHAR) FROM impact_summaries WHERE peer_mentor_id = ? AND year = 2025"
                + " AND period_type = 'annual'", pm).get(0));
    }

    static boolean in(Case c, String pm) {
        return c.mentors().contains(pm);
    }

    @Test
    void theFixtureHoldsEveryKindOfRowForEveryMentorOfBothOrganisations() {
        for (String pm : ALL_MENTORS) {
            assertThat(raw("SELECT status FROM annual_summaries WHERE peer_mentor_id = ? AND year = 2025", pm)).as(pm).hasSize(1);
            assertThat(raw("SELECT status FROM impact_summaries WHERE peer_mentor_id = ? AND year = 2025 AND period_type = 'annual'", pm))
                    .as(pm).hasSize(1);
            assertThat(raw("SELECT status FROM impact_summaries WHERE peer_mentor_id = ? AND year = 2025 AND period_type = 'half_year'", pm))
                    .as(pm).isNotEmpty();
            assertThat(raw("SELECT period_type FROM periodic_summaries WHERE peer_mentor_id = ? AND coordinator_id IS NULL"
                    + " AND year = 2025 AND period_type = 'quarterly' AND quarter = 1", pm)).as(pm).hasSize(1);
            assertThat(raw("SELECT user_id FROM user_achievements WHERE user_id = ?", USER_OF.get(pm))).as(pm).isNotEmpty();
        }
        for (String c : ALL_COORDINATORS) {
            assertThat(raw("SELECT coordinator_id FROM periodic_summaries WHERE coordinator_id = ? AND year = 2025"
                    + " AND period_type = 'quarterly' AND quarter = 1", c)).as(c).hasSize(1);
        }
        // Per's team row counts org-2's mentors only, though his scope also names org-1's la-2
        assertThat(raw("SELECT CAST(total_sessions AS VARCHAR) FROM periodic_summaries WHERE coordinator_id = 'user-per'"
                + " AND year = 2025 AND period_type = 'quarterly' AND quarter = 1"))
                .containsExactlyElementsOf(raw("SELECT CAST(total_sessions AS VARCHAR) FROM periodic_summaries"
                        + " WHERE peer_mentor_id = 'pm-9' AND year = 2025 AND period_type = 'quarterly' AND quarter = 1"));
        assertThat(raw("SELECT peer_mentor_id FROM annual_summaries WHERE shared_count > 0 ORDER BY peer_mentor_id"))
                .containsExactly(PM_MIRA, PM_OLGA);
        assertThat(raw("SELECT local_association_id FROM coordinator_scopes WHERE user_id = 'user-per' ORDER BY 1"))
                .containsExactly("la-2", "la-9");
        assertThat(raw("SELECT local_association_id FROM coordinator_scopes WHERE user_id = 'user-kim'")).containsExactly("la-2");
        assertThat(raw("SELECT peer_mentor_id FROM peer_mentor_associations WHERE local_association_id = 'la-2' ORDER BY 1"))
                .containsExactly(PM_MIRA, PM_SOFIE);
    }

    // ---------------------------------------------------------------- the list of covered methods

    static final List<Class<?>> SCOPED_DAOS = List.of(AchievementDao.class, ActivityColumns.class, ActorDao.class,
            FollowUpDao.class, HomeDao.class,
            MentorSummaryDao.class, NotificationOutboxDao.class, OrganizationDao.class, ShareDao.class,
            SummaryInputDao.class, SummaryReadDao.class, SummaryWriteDao.class, SyncStore.class, TeamDao.class,
            WrappedDao.class, AlertDao.class, FunderDao.class, DeliveryDao.class, ReleaseDao.class, DigestDao.class,
            DataChanges.class);

    static final Set<String> COVERED = Set.of(
            "AchievementDao.awardsOf", "AchievementDao.awardsInScope", "AchievementDao.awardCountsInScope",
            "AchievementDao.points",
            "AchievementDao.mentorsInScope",
            "FollowUpDao.notesOf", "FollowUpDao.notesOfMentor", "FollowUpDao.standing", "FollowUpDao.rows",
            "FollowUpDao.save", "FollowUpDao.monthlySessions", "FollowUpDao.statuses",
            "HomeDao.mentorAggregate", "HomeDao.storedPeriods",
            "MentorSummaryDao.mentorsInScope", "MentorSummaryDao.mentor", "MentorSummaryDao.annualSummaries",
            "MentorSummaryDao.periodicSummaries", "MentorSummaryDao.impactSummaries",
            "ShareDao.findAnnual",
            "SummaryReadDao.visibleMentor", "SummaryReadDao.annual", "SummaryReadDao.annualList",
            "SummaryReadDao.markViewed", "SummaryReadDao.incrementAnnualShared", "SummaryReadDao.impact",
            "SummaryReadDao.impactList", "SummaryReadDao.incrementImpactShared", "SummaryReadDao.periodic",
            "SummaryReadDao.periodicList", "SummaryReadDao.team", "SummaryReadDao.teamList",
            "TeamDao.mentorLines", "TeamDao.teamLines", "TeamDao.mentorMemberships",
            "TeamDao.coordinatorAssociations", "TeamDao.periods", "TeamDao.mentorStandings",
            "WrappedDao.mentors", "WrappedDao.summaryYears",
            "AlertDao.failures", "AlertDao.openCount", "AlertDao.close", "AlertDao.makeDue", "AlertDao.due",
            "AlertDao.nextRetry", "ReleaseDao.lines", "ReleaseDao.years");

    @Test
    void everyPublicStoreMethodTakingAScopeOrActorIsCoveredHere() {
        Set<String> scoped = new TreeSet<>();
        for (Class<?> dao : SCOPED_DAOS) {
            for (Method m : dao.getMethods()) {
                if (Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == Scope.class || t == Actor.class)) {
                    scoped.add(dao.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(scoped).as("a DAO method taking a Scope needs its scope test in ScopedReadsTest (and COVERED)")
                .containsExactlyInAnyOrderElementsOf(COVERED);
    }

    @Test
    void theListOfStoreClassesIsComplete() throws Exception {
        Path store = Path.of("src/main/java/org/impactdesk/store");
        Set<String> classes;
        try (Stream<Path> files = java.nio.file.Files.list(store)) {
            classes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
        }
        // the reader interfaces the DAOs implement (the services read through them) are no DAOs
        classes.removeAll(Set.of("Database", "DatabaseException", "DatabaseInUseException", "PassphraseException",
                "MentorSummaryReader", "TeamReader", "PostgresDialect", "OrganizationLocks", "DatabaseCopy", "TeamRoles",
                "ActivityKeys", "MigrationCheck"));
        assertThat(SCOPED_DAOS.stream().map(Class::getSimpleName).toList())
                .as("a new store class must join SCOPED_DAOS so its scoped methods are checked")
                .containsExactlyInAnyOrderElementsOf(classes);
    }

    // ---------------------------------------------------------------- per DAO

    @Nested
    class Achievements {
        AchievementDao dao = db.jdbi().onDemand(AchievementDao.class);

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorsInScope(Case c) {
            assertThat(dao.mentorsInScope(c.scope())).extracting(MentorChoice::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void awardsInScope(Case c) {
            List<String> expected = raw("SELECT CAST(id AS VARCHAR) FROM user_achievements").stream()
                    .filter(id -> c.users().contains(raw("SELECT user_id FROM user_achievements WHERE CAST(id AS VARCHAR) = ?", id).get(0)))
                    .toList();
            assertThat(dao.awardsInScope(c.scope())).extracting(a -> a.id().toString())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(dao.awardsInScope(c.scope())).allMatch(a -> c.users().contains(a.award().userId()));
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void awardCountsInScope(Case c) {
            Map<UUID, Integer> expected = new HashMap<>();
            for (String row : raw("SELECT CAST(achievement_id AS VARCHAR) || '|' || user_id FROM user_achievements")) {
                if (c.users().contains(row.substring(row.indexOf('|') + 1))) {
                    expected.merge(UUID.fromString(row.substring(0, row.indexOf('|'))), 1, Integer::sum);
                }
            }
            assertThat(dao.awardCountsInScope(Scope.everything()).values().stream().mapToInt(Integer::intValue).sum())
                    .as("every award counted once").isEqualTo(raw("SELECT CAST(id AS VARCHAR) FROM user_achievements").size())
                    .isPositive();
            assertThat(dao.awardCountsInScope(c.scope())).isEqualTo(expected);
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void awardsOf(Case c) {
            List<String> badges = raw("SELECT DISTINCT CAST(achievement_id AS VARCHAR) FROM user_achievements");
            assertThat(badges).hasSizeGreaterThan(1);
            for (String badge : badges) {
                List<String> expected = raw("SELECT CAST(id AS VARCHAR) || '|' || user_id FROM user_achievements"
                        + " WHERE CAST(achievement_id AS VARCHAR) = ?", badge).stream()
                        .filter(s -> c.users().contains(s.substring(s.indexOf('|') + 1))).toList();
                assertThat(dao.awardsOf(UUID.fromString(badge), c.scope()))
                        .extracting(a -> a.id() + "|" + a.award().userId())
                        .as(badge).containsExactlyInAnyOrderElementsOf(expected);
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void points(Case c) {
            List<Points> all = dao.points(Scope.everything());
            assertThat(all).extracting(Points::userId).containsExactlyInAnyOrderElementsOf(USER_OF.values());
            assertThat(dao.points(c.scope()))
                    .containsExactlyInAnyOrderElementsOf(all.stream().filter(p -> c.users().contains(p.userId())).toList());
        }
    }

    @Nested
    class FollowUps {
        FollowUpDao dao = new FollowUpDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void standingRowsAndStatusesOnlyInScope(Case c) {
            for (String pm : ALL_MENTORS) {
                assertThat(dao.standing(c.scope(), pm).isPresent()).as(pm).isEqualTo(c.mentors().contains(pm));
                if (!c.mentors().contains(pm)) {
                    assertThat(dao.rows(c.scope(), pm, "quarterly")).as(pm).isEmpty();
                }
            }
            assertThat(c.mentors()).allSatisfy(pm -> assertThat(dao.rows(c.scope(), pm, "quarterly")).isNotEmpty());
            assertThat(dao.statuses(c.scope(), Q1, new Period.Quarter(2024, 4))).filteredOn(s -> s.period().equals(Q1))
                    .extracting(s -> s.mentor().peerMentorId()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
            assertThat(dao.monthlySessions(c.scope(), java.time.YearMonth.of(2024, 4)).byMentor().keySet())
                    .isSubsetOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void notesAreWrittenAndReadOnlyOnMentorsInScope(Case c) {
            String author = "user-kim";
            try {
                for (String pm : ALL_MENTORS) {
                    assertThat(dao.save(author, c.scope(), pm, Q1, java.time.LocalDate.of(2025, 4, 2), "n",
                            java.time.Instant.parse("2025-04-02T10:00:00Z")).isPresent()).as(pm)
                            .isEqualTo(c.mentors().contains(pm));
                }
                assertThat(dao.notesOf(author, c.scope(), List.of(Q1))).extracting(f -> f.peerMentorId())
                        .containsExactlyInAnyOrderElementsOf(c.mentors());
                for (String pm : ALL_MENTORS) {
                    assertThat(dao.notesOfMentor(author, c.scope(), pm, "quarterly")).as(pm)
                            .hasSize(c.mentors().contains(pm) ? 1 : 0);
                }
                assertThat(dao.notesOf(author, Scope.everything(), List.of(Q1))).hasSize(c.mentors().size());
            } finally {
                db.jdbi().useHandle(h -> h.execute("DELETE FROM follow_up_notes"));
            }
        }
    }

    @Nested
    class Home {
        HomeDao dao = new HomeDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorAggregate(Case c) {
            List<PeriodicSummary> rows = new SummaryReadDao(db.jdbi()).periodicList(Scope.everything(), Q1).stream()
                    .filter(p -> c.mentors().contains(p.peerMentorId())).toList();
            HomeDao.MentorAggregate a = dao.mentorAggregate(c.scope(), Q1);
            assertThat(a.mentors()).isEqualTo(c.mentors().size());
            assertThat(a.sessions()).isEqualTo(rows.stream().mapToInt(PeriodicSummary::totalSessions).sum());
            assertThat(a.hours()).isEqualByComparingTo(rows.stream().map(PeriodicSummary::totalHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void storedPeriods(Case c) {
            Set<String> visible = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT period_type || ' ' || year || ' '"
                    + " || COALESCE(quarter, half) AS p, peer_mentor_id FROM periodic_summaries WHERE coordinator_id IS NULL")
                    .map((rs, ctx) -> c.mentors().contains(rs.getString(2)) ? rs.getString(1) : null).list())
                    .stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            assertThat(dao.storedPeriods(Scope.everything())).hasSizeGreaterThan(1);
            assertThat(dao.storedPeriods(c.scope())).extracting(p -> p.kind() + " " + p.year() + " " + p.number())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(visible);
        }
    }

    /**
     * Alerts are an administrator's: an org admin sees and acts on their organisation's, a global
     * admin and the local operator on all, everyone else on none (the service refuses them first).
     * Open alerts of pm-1 (org-1) and pm-9 (org-2); a failure of pm-9's annual impact summary, due,
     * for the retry reads (set and restored around each test).
     */
    @Nested
    class Alerts {
        AlertDao dao = new AlertDao(db.jdbi());
        static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

        Set<String> expected(Case c) {
            return c.actor().isAdmin() ? c.mentors().stream().filter(pm -> pm.equals(PM_MIRA) || pm.equals(PM_OLGA))
                    .collect(Collectors.toSet()) : Set.of();
        }

        void openAlerts() {
            db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO alerts (kind, message, organisation_id, summary_table, summary_id, peer_mentor_id, period)
                    SELECT 'summary_generation_failed', 'failed 4 times', s.organization_id, 'annual_summaries', s.id,
                        s.peer_mentor_id, CAST(s.year AS VARCHAR)
                    FROM annual_summaries s WHERE s.peer_mentor_id IN ('pm-1', 'pm-9') AND s.year = 2025
                      AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.open_summary_id = s.id)"""));
        }

        <T> T withDueFailureOfOlga(java.util.function.Supplier<T> read) {
            db.jdbi().useHandle(h -> h.createUpdate("""
                    UPDATE impact_summaries SET status = 'error', error_message = 'boom', retry_count = 1, next_retry_at = :due
                    WHERE peer_mentor_id = 'pm-9' AND period_type = 'annual' AND year = 2025""")
                    .bind("due", NOW.minusSeconds(60)).execute());
            try {
                return read.get();
            } finally {
                db.jdbi().useHandle(h -> h.execute("""
                        UPDATE impact_summaries SET status = 'ready', error_message = NULL, retry_count = 0, next_retry_at = NULL
                        WHERE peer_mentor_id = 'pm-9' AND period_type = 'annual' AND year = 2025"""));
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void failures(Case c) {
            openAlerts();
            assertThat(dao.failures(c.scope())).extracting(org.impactdesk.domain.GenerationFailure::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(expected(c));
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void openCount(Case c) {
            openAlerts();
            assertThat(dao.openCount(c.scope())).isEqualTo(expected(c).size());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void close(Case c) {
            openAlerts();
            long olgas = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM alerts WHERE peer_mentor_id = 'pm-9' AND closed_at IS NULL").mapTo(Long.class).one());
            try {
                assertThat(dao.close(c.scope(), olgas, NOW, "tester")).isEqualTo(expected(c).contains(PM_OLGA));
            } finally {
                dao.close(Scope.everything(), olgas, NOW, "tester"); // the next case opens it again
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void due(Case c) {
            List<AlertDao.DueRetry> due = withDueFailureOfOlga(() -> dao.due(c.scope(), NOW, null, null));
            assertThat(due).isEqualTo(expected(c).contains(PM_OLGA) ? List.of(new AlertDao.DueRetry("org-2", 2025, false))
                    : List.of());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void nextRetry(Case c) {
            java.util.Optional<Instant> next = withDueFailureOfOlga(() -> dao.nextRetry(c.scope()));
            assertThat(next.isPresent()).isEqualTo(expected(c).contains(PM_OLGA));
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void makeDue(Case c) {
            int made = withDueFailureOfOlga(() -> dao.makeDue(c.scope(), null, NOW));
            assertThat(made).isEqualTo(expected(c).contains(PM_OLGA) ? 1 : 0);
        }
    }

    @Nested
    class MentorSummaries {
        MentorSummaryDao dao = new MentorSummaryDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorsInScopeAndMentor(Case c) {
            assertThat(dao.mentorsInScope(c.scope())).extracting(MentorRef::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
            for (String pm : ALL_MENTORS) {
                assertThat(dao.mentor(c.scope(), pm).map(MentorRef::peerMentorId)).as(pm)
                        .isEqualTo(in(c, pm) ? java.util.Optional.of(pm) : java.util.Optional.empty());
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void annualPeriodicAndImpactSummaries(Case c) {
            for (String pm : ALL_MENTORS) {
                List<String> years = raw("SELECT CAST(year AS VARCHAR) FROM annual_summaries WHERE peer_mentor_id = ? ORDER BY year", pm);
                int periodic = raw("SELECT peer_mentor_id FROM periodic_summaries WHERE peer_mentor_id = ? AND coordinator_id IS NULL", pm).size();
                int impact = raw("SELECT peer_mentor_id FROM impact_summaries WHERE peer_mentor_id = ?", pm).size();
                assertThat(dao.annualSummaries(c.scope(), pm)).extracting(a -> String.valueOf(a.year())).as(pm)
                        .containsExactlyElementsOf(in(c, pm) ? years : List.of());
                assertThat(dao.periodicSummaries(c.scope(), pm)).as(pm).hasSize(in(c, pm) ? periodic : 0);
                assertThat(dao.impactSummaries(c.scope(), pm)).as(pm).hasSize(in(c, pm) ? impact : 0);
            }
        }
    }

    @Nested
    class Share {
        ShareDao dao = new ShareDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void findAnnual(Case c) {
            for (String pm : ALL_MENTORS) {
                var row = dao.findAnnual(pm, 2025, c.scope());
                assertThat(row.isPresent()).as(pm).isEqualTo(in(c, pm));
                row.ifPresent(r -> {
                    assertThat(r.id()).isEqualTo(annualId(pm));
                    assertThat(r.peerMentorId()).isEqualTo(pm);
                    assertThat(r.isShared()).isEqualTo(pm.equals(PM_MIRA) || pm.equals(PM_OLGA));
                    assertThat(r.consentedDisplayName()).isEqualTo(pm.equals(PM_OLGA) ? "Olga Annen" : null);
                });
            }
        }
    }

    @Nested
    class SummaryReads {
        SummaryReadDao dao = new SummaryReadDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void visibleMentor(Case c) {
            for (String pm : ALL_MENTORS) {
                assertThat(dao.visibleMentor(c.scope(), pm).map(m -> m.id())).as(pm)
                        .isEqualTo(in(c, pm) ? java.util.Optional.of(pm) : java.util.Optional.empty());
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void annualAndAnnualList(Case c) {
            for (String pm : ALL_MENTORS) {
                assertThat(dao.annual(c.scope(), pm, 2025).map(AnnualSummary::id)).as(pm)
                        .isEqualTo(in(c, pm) ? java.util.Optional.of(annualId(pm)) : java.util.Optional.empty());
            }
            assertThat(dao.annualList(c.scope(), 2025)).extracting(AnnualSummary::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void impactAndImpactList(Case c) {
            for (String pm : ALL_MENTORS) {
                assertThat(dao.impact(c.scope(), pm, 2025, null).map(ImpactSummary::id)).as(pm)
                        .isEqualTo(in(c, pm) ? java.util.Optional.of(impactId(pm)) : java.util.Optional.empty());
            }
            assertThat(dao.impactList(c.scope(), 2025, null)).extracting(ImpactSummary::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
            for (int half : new int[] {1, 2}) {
                List<String> all = raw("SELECT peer_mentor_id FROM impact_summaries WHERE year = 2025 AND period_type = 'half_year'"
                        + " AND half_index = ?", half);
                assertThat(dao.impactList(c.scope(), 2025, half)).extracting(ImpactSummary::peerMentorId).as("H" + half)
                        .containsExactlyInAnyOrderElementsOf(all.stream().filter(c.mentors()::contains).toList());
                for (String pm : ALL_MENTORS) {
                    assertThat(dao.impact(c.scope(), pm, 2025, half).isPresent()).as(pm + " H" + half)
                            .isEqualTo(in(c, pm) && all.contains(pm));
                }
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void periodicAndPeriodicList(Case c) {
            for (String pm : ALL_MENTORS) {
                assertThat(dao.periodic(c.scope(), pm, Q1).map(PeriodicSummary::peerMentorId)).as(pm)
                        .isEqualTo(in(c, pm) ? java.util.Optional.of(pm) : java.util.Optional.empty());
            }
            assertThat(dao.periodicList(c.scope(), Q1)).extracting(PeriodicSummary::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void teamAndTeamList(Case c) {
            for (String coordinator : ALL_COORDINATORS) {
                assertThat(dao.team(c.scope(), coordinator, Q1).map(PeriodicSummary::coordinatorId)).as(coordinator)
                        .isEqualTo(c.coordinators().contains(coordinator) ? java.util.Optional.of(coordinator)
                                : java.util.Optional.empty());
            }
            assertThat(dao.teamList(c.scope(), Q1)).extracting(PeriodicSummary::coordinatorId)
                    .containsExactlyInAnyOrderElementsOf(c.coordinators());
        }

        /** The writes that carry a scope change only rows in scope, and report whether they did. */
        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void markViewedAndTheShareCountersTouchOnlyRowsInScope(Case c) {
            Instant at = Instant.parse("2026-01-11T08:00:00Z");
            for (String pm : ALL_MENTORS) {
                UUID annual = annualId(pm);
                UUID impact = impactId(pm);
                String viewedBefore = one("SELECT CAST(viewed_at AS VARCHAR) FROM annual_summaries WHERE id = ?", annual);
                String sharedBefore = one("SELECT CAST(shared_count AS VARCHAR) FROM annual_summaries WHERE id = ?", annual);
                String impactBefore = one("SELECT CAST(share_count AS VARCHAR) FROM impact_summaries WHERE id = ?", impact);
                boolean annualReady = "ready".equals(one("SELECT status FROM annual_summaries WHERE id = ?", annual));
                boolean impactReady = "ready".equals(one("SELECT status FROM impact_summaries WHERE id = ?", impact));
                db.jdbi().useHandle(h -> h.execute("UPDATE annual_summaries SET viewed_at = NULL WHERE id = ?", annual));
                try {
                    assertThat(dao.markViewed(c.scope(), annual, at)).as(pm).isEqualTo(in(c, pm));
                    assertThat(one("SELECT CAST(viewed_at IS NOT NULL AS VARCHAR) FROM annual_summaries WHERE id = ?", annual))
                            .as(pm).isEqualToIgnoringCase(String.valueOf(in(c, pm)));
                    assertThat(dao.incrementAnnualShared(c.scope(), annual)).as(pm).isEqualTo(in(c, pm) && annualReady);
                    assertThat(Integer.parseInt(one("SELECT CAST(shared_count AS VARCHAR) FROM annual_summaries WHERE id = ?", annual)))
                            .as(pm).isEqualTo(Integer.parseInt(sharedBefore) + (in(c, pm) && annualReady ? 1 : 0));
                    assertThat(dao.incrementImpactShared(c.scope(), impact)).as(pm).isEqualTo(in(c, pm) && impactReady);
                    assertThat(Integer.parseInt(one("SELECT CAST(share_count AS VARCHAR) FROM impact_summaries WHERE id = ?", impact)))
                            .as(pm).isEqualTo(Integer.parseInt(impactBefore) + (in(c, pm) && impactReady ? 1 : 0));
                } finally {
                    db.jdbi().useHandle(h -> {
                        h.execute("UPDATE annual_summaries SET viewed_at = CAST(? AS TIMESTAMP WITH TIME ZONE), shared_count = ?"
                                + " WHERE id = ?", viewedBefore, Integer.parseInt(sharedBefore), annual);
                        h.execute("UPDATE impact_summaries SET share_count = ? WHERE id = ?", Integer.parseInt(impactBefore), impact);
                    });
                }
            }
            assertThat(raw("SELECT peer_mentor_id FROM annual_summaries WHERE status = 'ready' AND year = 2025"))
                    .as("some rows must be ready for the counters to mean something").contains(PM_MIRA, PM_OLGA);
        }

        static String one(String sql, Object arg) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).bind(0, arg).mapTo(String.class).findOne().orElse(null));
        }
    }

    @Nested
    class Team {
        TeamDao dao = db.jdbi().onDemand(TeamDao.class);

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorStandings(Case c) {
            assertThat(dao.mentorStandings(c.scope())).extracting(org.impactdesk.domain.MentorStanding::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorLines(Case c) {
            for (String type : List.of("quarterly", "half_year")) {
                assertThat(dao.mentorLines(c.scope(), type, 2025, 1)).extracting(StoredLine::peerMentorId).as(type)
                        .containsExactlyInAnyOrderElementsOf(c.mentors());
            }
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void teamLines(Case c) {
            assertThat(dao.teamLines(c.scope(), "quarterly", 2025, 1)).extracting(StoredLine::coordinatorId)
                    .containsExactlyInAnyOrderElementsOf(c.coordinators());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentorMemberships(Case c) {
            List<String> expected = raw("SELECT peer_mentor_id || '|' || local_association_id FROM peer_mentor_associations")
                    .stream().filter(s -> c.mentors().contains(s.substring(0, s.indexOf('|')))).toList();
            assertThat(dao.mentorMemberships(c.scope())).extracting(m -> m.ownerId() + "|" + m.associationId())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void coordinatorAssociations(Case c) {
            // Kim coordinates la-2 of org-1; Per la-9 of org-2 (his row for org-1's la-2 is a mistake and is not shown)
            Map<String, String> own = Map.of("user-kim", "user-kim|la-2", "user-per", "user-per|la-9");
            assertThat(dao.coordinatorAssociations(c.scope(), "quarterly", 2025, 1))
                    .extracting(m -> m.ownerId() + "|" + m.associationId())
                    .containsExactlyInAnyOrderElementsOf(c.coordinators().stream().map(own::get).toList());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void periods(Case c) {
            Set<String> expected = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT period_type, year, quarter, half,"
                    + " peer_mentor_id, coordinator_id FROM periodic_summaries").map((rs, ctx) -> {
                        String pm = rs.getString("peer_mentor_id");
                        String coordinator = rs.getString("coordinator_id");
                        boolean visible = coordinator == null ? c.mentors().contains(pm) : c.coordinators().contains(coordinator);
                        return visible ? new StoredPeriod(rs.getString("period_type"), rs.getInt("year"),
                                (Integer) rs.getObject("quarter", Integer.class), (Integer) rs.getObject("half", Integer.class)) : null;
                    }).list()).stream().filter(java.util.Objects::nonNull).map(StoredPeriod::toString).collect(Collectors.toSet());
            assertThat(dao.periods(c.scope())).extracting(StoredPeriod::toString).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Nested
    class Wrapped {
        WrappedDao dao = new WrappedDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void mentors(Case c) {
            assertThat(dao.mentors(c.scope())).extracting(WrappedDao.MentorRow::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void summaryYears(Case c) {
            for (String pm : ALL_MENTORS) {
                List<String> years = raw("SELECT CAST(year AS VARCHAR) FROM annual_summaries WHERE peer_mentor_id = ? ORDER BY year DESC", pm);
                assertThat(years).as(pm).isNotEmpty();
                assertThat(dao.summaryYears(pm, c.scope())).extracting(String::valueOf).as(pm)
                        .containsExactlyElementsOf(in(c, pm) ? years : List.of());
            }
        }
    }

    @Nested
    class Releases {
        ReleaseDao dao = new ReleaseDao(db.jdbi());

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void linesOfTheYearInEveryOrganisationAndInOne(Case c) {
            assertThat(dao.lines(2025, null, c.scope())).extracting(org.impactdesk.domain.ReleaseLine::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors());
            assertThat(dao.lines(2025, "org-2", c.scope())).extracting(org.impactdesk.domain.ReleaseLine::peerMentorId)
                    .containsExactlyInAnyOrderElementsOf(c.mentors().contains(PM_OLGA) ? List.of(PM_OLGA) : List.of());
        }

        @ParameterizedTest
        @MethodSource("org.impactdesk.store.ScopedReadsTest#cases")
        void yearsWithAnAnnualSummaryInScope(Case c) {
            // the years of the annual summaries of the scope's mentors (read unscoped), latest first; none without mentors
            List<Integer> expected = c.mentors().stream()
                    .flatMap(pm -> raw("SELECT CAST(year AS VARCHAR) FROM annual_summaries WHERE peer_mentor_id = ?", pm).stream())
                    .map(Integer::valueOf).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
            assertThat(dao.years(c.scope())).containsExactlyElementsOf(expected);
            assertThat(c.mentors().isEmpty() || expected.contains(2025)).isTrue();
        }
    }
}

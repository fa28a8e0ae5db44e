package org.impactdesk.service.catalog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.achievement.AwardEvaluator;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.generation.GenerationListener;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.store.AchievementDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Awards what the counted activities earn, over the database: after each sync and generation
 * ({@link #evaluate}), for one badge when it is saved, and the {@code annual_summary} badges when
 * a year's annual summary becomes ready ({@link #annualSummaryReady}, a {@link GenerationListener}).
 * Per organisation it evaluates the active badges that apply there and pass its module gate,
 * against every peer mentor's facts, and inserts only awards whose window is not held yet:
 * running it twice awards nothing new.
 */
public final class AchievementEvaluation implements GenerationListener, GenerationService.RunParticipant {
    private static final Logger LOG = LoggerFactory.getLogger(AchievementEvaluation.class);

    private final Jdbi jdbi;

    public AchievementEvaluation(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a run awarded: the number of new awards by badge key. */
    public record Report(int awarded, Map<String, Integer> byKey) {
        public Report {
            byKey = java.util.Collections.unmodifiableMap(new TreeMap<>(byKey));
        }
    }

    /**
     * Evaluates every active badge for one organisation ({@code organizationId}) or all of them
     * (null). Only an administrator (or the local operator); an organisation admin only for their own.
     */
    public Report evaluate(Actor actor, String organizationId) {
        if (!actor.isAdmin()) {
            throw new AchievementRefusedException("Only an administrator (or the local operator) awards badges", List.of());
        }
        String org = organizationId;
        if (!actor.isGlobalAdmin()) {
            if (org != null && !org.equals(actor.organizationId())) {
                throw new AchievementRefusedException("An organisation administrator awards only in their own organisation",
                        List.of());
            }
            org = actor.organizationId();
        }
        String only = org;
        List<AchievementDao.StoredAward> written = jdbi.inTransaction(h -> {
            AchievementDao dao = h.attach(AchievementDao.class);
            return awardAndWithdraw(dao, dao.all(), only, null);
        });
        return report(written, jdbi.withExtension(AchievementDao.class, AchievementDao::all));
    }

    /**
     * Before each generation run (the CLI's generate, the Sync screen's regeneration): awards what
     * the activities earned. Only what can have changed is evaluated, as generation recomputes only
     * what a sync marked stale: per organisation, the users of the mentors with stale summary inputs;
     * every mentor when the organisation was never generated (no summary totals yet) or when more than a third
     * of its mentors are stale; nobody when none is. Catalog edits evaluate their badge
     * themselves ({@link AchievementService}); {@link #evaluate} still evaluates everyone.
     */
    @Override
    public void beforeGeneration(Actor actor, String organizationId) {
        if (!actor.isAdmin()) {
            throw new AchievementRefusedException("Only an administrator (or the local operator) awards badges", List.of());
        }
        String only = actor.isGlobalAdmin() ? organizationId : actor.organizationId();
        List<AchievementDao.StoredAward> written = jdbi.inTransaction(h -> {
            AchievementDao dao = h.attach(AchievementDao.class);
            List<Achievement> badges = dao.all();
            List<AchievementDao.StoredAward> out = new ArrayList<>();
            for (AchievementDao.OrganizationRef o : dao.organizations()) {
                if (only != null && !only.equals(o.id())) {
                    continue;
                }
                boolean generatedBefore = h.createQuery("SELECT COUNT(*) FROM summary_mentor_totals WHERE organization_id = :org")
                        .bind("org", o.id()).mapTo(Long.class).one() > 0;
                Set<String> users = null;
                if (generatedBefore) {
                    long mentors = h.createQuery("SELECT COUNT(*) FROM peer_mentors WHERE organization_id = :org")
                            .bind("org", o.id()).mapTo(Long.class).one();
                    Set<String> stale = new HashSet<>(h.createQuery("""
                            SELECT DISTINCT pm.user_id FROM stale_summary_inputs s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                            WHERE pm.organization_id = :org""").bind("org", o.id()).mapTo(String.class).list());
                    if (stale.isEmpty()) {
                        continue;
                    }
                    users = stale.size() * 3L > mentors ? null : stale;
                }
                out.addAll(awardAndWithdraw(dao, badges, o.id(), users));
            }
            return out;
        });
        Report r = report(written, jdbi.withExtension(AchievementDao.class, AchievementDao::all));
        if (r.awarded() > 0) {
            LOG.info("Awarded {} badge(s) before generation: {}", r.awarded(), r.byKey());
        }
    }

    /**
     * Generation's part of the evaluation (it replaces {@link #beforeGeneration} for the
     * organisations a run generates): each mentor the run processes, and each mentor with stale
     * inputs, is evaluated from the history the run built from its one read of the activities,
     * before the mentor's summaries are computed, so the annual row lists what the activities
     * earned; the annual_summary badges are awarded as each annual summary becomes ready. The new
     * awards are written in the run's transaction, with the mentor's summaries. The rules are the
     * evaluator's, as in {@link #evaluate}.
     */
    @Override
    public GenerationService.MentorStep open(Handle h, OrganizationSettings org, java.util.Collection<String> userIds) {
        AchievementDao dao = h.attach(AchievementDao.class);
        Set<String> modules = dao.modulesByOrganization().getOrDefault(org.id(), Set.of());
        List<Achievement> applicable = dao.all().stream().filter(a -> AchievementRules.evaluable(a, org.id(), modules)).toList();
        if (applicable.isEmpty()) {
            return null;
        }
        Map<UUID, Map<String, List<String>>> held = new HashMap<>();
        Map<String, List<AchievementDao.StoredAward>> stored = new HashMap<>();
        for (AchievementDao.StoredAward s : userIds == null ? dao.awardsInOrganization(org.id()) : dao.awardsOfUsers(userIds)) {
            held.computeIfAbsent(s.award().achievementId(), k -> new HashMap<>())
                    .computeIfAbsent(s.award().userId(), k -> new ArrayList<>()).add(s.award().periodKey());
            stored.computeIfAbsent(s.award().userId(), k -> new ArrayList<>()).add(s);
        }
        return new AchievementEvaluationRunStep(dao, org.id(), org.zone(), applicable, held, stored,
                dao.listedInFrozenSummaries(org.id(), userIds), dao.readyAnnualYears(org.id(), userIds),
                new AwardEvaluator(org.zone()));
    }

    /**
     * What the rules no longer give a user of one badge (issue 14 item 6): the evaluator's awards
     * ({@code awarded_by} NULL; a manual award is never taken back) of the windows
     * {@link AwardEvaluator#noLongerEarned} names, except those a frozen annual summary lists
     * ({@code frozenListed}: {@link AchievementDao#listedKey}), go to {@code withdrawn}; an
     * {@code annual_summary} award still earned but dated otherwise than its rule says (before
     * issue 14, the moment the summary became ready) goes to {@code redate}.
     */
    static void changesOf(Achievement a, List<Award> earned, List<AchievementDao.StoredAward> storedOfUser,
                          Set<String> frozenListed, List<AchievementDao.Withdrawal> withdrawn, Map<UUID, Award> redate) {
        if (storedOfUser == null || storedOfUser.isEmpty()) {
            return;
        }
        List<AchievementDao.StoredAward> mine = new ArrayList<>();
        for (AchievementDao.StoredAward s : storedOfUser) {
            if (s.award().achievementId().equals(a.id()) && s.award().awardedBy() == null) {
                mine.add(s);
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        Set<String> gone = AwardEvaluator.noLongerEarned(a, earned, mine.stream().map(s -> s.award().periodKey()).toList());
        for (AchievementDao.StoredAward s : mine) {
            String key = s.award().periodKey();
            if (gone.contains(key)) {
                if (frozenListed == null || !frozenListed.contains(AchievementDao.listedKey(s.award()))) {
                    withdrawn.add(new AchievementDao.Withdrawal(s, AwardEvaluator.withdrawalReason(a, key)));
                }
            } else if (a.triggerType() == TriggerType.ANNUAL_SUMMARY) {
                for (Award w : earned) {
                    if (w.periodKey().equals(key) && !w.awardedAt().equals(s.award().awardedAt())) {
                        redate.put(s.id(), w);
                    }
                }
            }
        }
    }

    /** One organisation's evaluation inside a generation run. */
    private static final class AchievementEvaluationRunStep implements GenerationService.MentorStep {
        private final AchievementDao dao;
        private final String organizationId;
        private final ZoneId zone;
        private final List<Achievement> applicable;
        private final List<Achievement> annual;
        private final Map<UUID, Map<String, List<String>>> held;
        /** The stored awards by user, and what frozen annual summaries list (never withdrawn). */
        private final Map<String, List<AchievementDao.StoredAward>> stored;
        private final Map<String, Set<String>> frozenListed;
        private final Map<String, Map<Integer, Instant>> ready;
        private final AwardEvaluator evaluator;
        /** Awards to write, by user: a chunk's users are flushed with their chunk. */
        private final Map<String, List<Award>> pending = new LinkedHashMap<>();
        /** Withdrawals and re-dated annual awards to write, by user, flushed likewise. */
        private final Map<String, List<AchievementDao.Withdrawal>> pendingWithdrawals = new LinkedHashMap<>();
        private final Map<String, Map<UUID, Award>> pendingRedates = new LinkedHashMap<>();
        /** What the last evaluation of each user took out of the history (read once by {@link #withdrawn}). */
        private final Map<String, List<MentorHistory.Award>> takenOut = new HashMap<>();
        private int written;
        private int withdrawnCount;

        AchievementEvaluationRunStep(AchievementDao dao, String organizationId, ZoneId zone, List<Achievement> applicable,
                Map<UUID, Map<String, List<String>>> held, Map<String, List<AchievementDao.StoredAward>> stored,
                Map<String, Set<String>> frozenListed, Map<String, Map<Integer, Instant>> ready, AwardEvaluator evaluator) {
            this.dao = dao;
            this.organizationId = organizationId;
            this.zone = zone;
            this.applicable = applicable;
            this.annual = applicable.stream().filter(a -> a.triggerType() == TriggerType.ANNUAL_SUMMARY).toList();
            this.held = held;
            this.stored = stored;
            this.frozenListed = frozenListed;
            this.ready = ready;
            this.evaluator = evaluator;
        }

        @Override
        public synchronized List<MentorHistory.Award> evaluate(MentorHistory history) {
            PeerMentor m = history.mentor();
            List<MentorFacts.AttendedEvent> events = new ArrayList<>(history.eventsAttended().size());
            for (MentorHistory.EventRef e : history.eventsAttended()) {
                events.add(new MentorFacts.AttendedEvent(e.eventId(), e.startsAt()));
            }
            MentorFacts facts = new MentorFacts(m.userId(), m.id(), organizationId, m.userId(), history.activities(), events,
                    ready.getOrDefault(m.userId(), Map.of()));
            List<MentorHistory.Award> added = new ArrayList<>();
            List<MentorHistory.Award> out = new ArrayList<>();
            for (Achievement a : applicable) {
                List<String> keys = held.computeIfAbsent(a.id(), k -> new HashMap<>())
                        .computeIfAbsent(m.userId(), k -> new ArrayList<>());
                List<Award> earned = evaluator.earned(a, facts);
                for (Award w : AwardEvaluator.notYetHeld(a, earned, keys)) {
                    keys.add(w.periodKey());
                    pending.computeIfAbsent(w.userId(), k -> new ArrayList<>()).add(w);
                    added.add(new MentorHistory.Award(a.id().toString(), a.key(), a.name(), a.nameNb(), a.iconUrl(), w.awardedAt()));
                }
                List<AchievementDao.Withdrawal> gone = new ArrayList<>();
                Map<UUID, Award> redate = new HashMap<>();
                changesOf(a, earned, stored.get(m.userId()), frozenListed.get(m.userId()), gone, redate);
                List<AchievementDao.StoredAward> kept = new ArrayList<>(stored.getOrDefault(m.userId(), List.of()));
                for (AchievementDao.Withdrawal w : gone) {
                    keys.remove(w.award().award().periodKey());
                    kept.remove(w.award());
                    out.add(new MentorHistory.Award(a.id().toString(), a.key(), a.name(), a.nameNb(), a.iconUrl(), w.award().award().awardedAt()));
                }
                for (AchievementDao.StoredAward s : kept) {
                    Award to = redate.get(s.id());
                    if (to != null) {
                        out.add(new MentorHistory.Award(a.id().toString(), a.key(), a.name(), a.nameNb(), a.iconUrl(), s.award().awardedAt()));
                        added.add(new MentorHistory.Award(a.id().toString(), a.key(), a.name(), a.nameNb(), a.iconUrl(), to.awardedAt()));
                    }
                }
                if (!gone.isEmpty()) {
                    stored.put(m.userId(), kept);
                    pendingWithdrawals.computeIfAbsent(m.userId(), k -> new ArrayList<>()).addAll(gone);
                }
                redate.forEach((id, to) -> pendingRedates.computeIfAbsent(m.userId(), k -> new HashMap<>()).put(id, to));
            }
            if (!out.isEmpty()) {
                takenOut.put(m.userId(), out);
            }
            return added;
        }

        @Override
        public synchronized List<MentorHistory.Award> withdrawn(String userId) {
            List<MentorHistory.Award> out = takenOut.remove(userId);
            return out == null ? List.of() : out;
        }

        @Override
        public synchronized void annualReady(Ready r) {
            for (Achievement a : annual) {
                List<String> keys = held.computeIfAbsent(a.id(), k -> new HashMap<>())
                        .computeIfAbsent(r.userId(), k -> new ArrayList<>());
                String year = Integer.toString(r.year());
                if (!keys.contains(year)) {
                    keys.add(year);
                    pending.computeIfAbsent(r.userId(), k -> new ArrayList<>())
                            .add(new Award(a.id(), r.userId(), year, AwardEvaluator.endOfYear(r.year(), zone), null));
                }
            }
        }

        @Override
        public synchronized void flush(java.util.Collection<String> userIds) {
            List<Award> out = new ArrayList<>();
            List<AchievementDao.Withdrawal> gone = new ArrayList<>();
            Map<UUID, Instant> redate = new HashMap<>();
            java.util.Collection<String> users = userIds == null ? new ArrayList<>(java.util.stream.Stream.of(
                    pending.keySet(), pendingWithdrawals.keySet(), pendingRedates.keySet()).flatMap(Set::stream).distinct().toList())
                    : userIds;
            for (String u : users) {
                List<Award> list = pending.remove(u);
                if (list != null) {
                    out.addAll(list);
                }
                List<AchievementDao.Withdrawal> w = pendingWithdrawals.remove(u);
                if (w != null) {
                    gone.addAll(w);
                }
                Map<UUID, Award> r = pendingRedates.remove(u);
                if (r != null) {
                    r.forEach((id, to) -> redate.put(id, to.awardedAt()));
                }
            }
            if (!gone.isEmpty()) {
                withdrawnCount += dao.withdraw(gone);
                gone.forEach(w -> LOG.info("Withdrew the award {} of user {}: {}", w.award().id(), w.award().award().userId(),
                        w.reason()));
            }
            dao.redate(redate);
            if (!out.isEmpty()) {
                written += dao.insertAwards(out).size();
            }
        }

        @Override
        public synchronized void finish() {
            if (written > 0) {
                LOG.info("Awarded {} badge(s) in {} during generation", written, organizationId);
            }
            if (withdrawnCount > 0) {
                LOG.info("Withdrew {} award(s) in {} during generation: their rules no longer hold", withdrawnCount,
                        organizationId);
            }
        }
    }

    /** Told after commit: awards the annual_summary badges of that year to that user. */
    @Override
    public void annualSummaryReady(String userId, String organizationId, int year, Instant readyAt) {
        annualSummariesReady(List.of(new Ready(userId, organizationId, year, readyAt)));
    }

    /**
     * Told once after a run's commit: awards the annual_summary badges for every summary that
     * became ready, one transaction per organisation that reads the organisation's held awards and
     * badges once (not once per summary: that was quadratic in the organisation's size).
     */
    @Override
    public void annualSummariesReady(List<Ready> ready) {
        Map<String, List<Ready>> byOrg = new LinkedHashMap<>();
        for (Ready r : ready) {
            byOrg.computeIfAbsent(r.organizationId(), k -> new ArrayList<>()).add(r);
        }
        byOrg.forEach((organizationId, list) -> {
            List<AchievementDao.StoredAward> written = jdbi.inTransaction(h -> {
                AchievementDao dao = h.attach(AchievementDao.class);
                Set<String> modules = dao.modulesByOrganization().getOrDefault(organizationId, Set.of());
                List<Achievement> badges = dao.forTenant(organizationId).stream()
                        .filter(a -> a.triggerType() == TriggerType.ANNUAL_SUMMARY
                                && AchievementRules.evaluable(a, organizationId, modules))
                        .toList();
                if (badges.isEmpty()) {
                    return List.<AchievementDao.StoredAward>of();
                }
                Set<String> held = new HashSet<>();
                for (AchievementDao.StoredAward s : dao.awardsInOrganization(organizationId)) {
                    held.add(s.award().userId() + "|" + s.award().achievementId() + "|" + s.award().periodKey());
                }
                ZoneId zone = dao.timeZone(organizationId).filter(z -> !z.isBlank()).map(ZoneId::of)
                        .orElse(OrganizationSettings.DEFAULT_ZONE);
                List<Award> awards = new ArrayList<>();
                for (Ready r : list) {
                    for (Achievement a : badges) {
                        if (held.add(r.userId() + "|" + a.id() + "|" + r.year())) {
                            awards.add(new Award(a.id(), r.userId(), Integer.toString(r.year()),
                                    AwardEvaluator.endOfYear(r.year(), zone), null));
                        }
                    }
                }
                return dao.insertAwards(awards);
            });
            if (!written.isEmpty()) {
                LOG.info("Awarded {} annual badge(s) in {} for {} summaries that became ready", written.size(),
                        organizationId, list.size());
            }
        });
    }

    /**
     * Evaluates {@code badges} in {@code organizationId} (null: every organisation) for its peer
     * mentors ({@code onlyUsers} null: all), inside the caller's transaction, and inserts the new awards.
     */
    static List<AchievementDao.StoredAward> award(AchievementDao dao, List<Achievement> badges, String organizationId,
                                                  Set<String> onlyUsers) {
        List<Award> all = new ArrayList<>();
        forEachOrganization(dao, badges, organizationId, onlyUsers, (org, applicable, facts, held, zone) -> {
            AwardEvaluator evaluator = new AwardEvaluator(zone);
            for (Achievement a : applicable) {
                all.addAll(evaluator.newAwards(a, facts, held.getOrDefault(a.id(), Map.of())));
            }
        });
        return dao.insertAwards(all);
    }

    /**
     * As {@link #award}, and also withdraws what the rules no longer give (issue 14 item 6:
     * {@link #changesOf}; logged in {@code award_withdrawals}) and re-dates annual awards: the
     * evaluation after a sync ({@link #beforeGeneration}) and {@link #evaluate}. Saving a badge in
     * the editor only awards ({@link #award}), as its confirmation says.
     */
    static List<AchievementDao.StoredAward> awardAndWithdraw(AchievementDao dao, List<Achievement> badges, String organizationId,
                                                             Set<String> onlyUsers) {
        List<Award> all = new ArrayList<>();
        List<AchievementDao.Withdrawal> gone = new ArrayList<>();
        Map<UUID, Award> redate = new HashMap<>();
        forEachOrganization(dao, badges, organizationId, onlyUsers, (org, applicable, facts, held, zone) -> {
            AwardEvaluator evaluator = new AwardEvaluator(zone);
            Map<String, List<AchievementDao.StoredAward>> stored = new HashMap<>();
            for (AchievementDao.StoredAward s : onlyUsers == null ? dao.awardsInOrganization(org) : dao.awardsOfUsers(onlyUsers)) {
                stored.computeIfAbsent(s.award().userId(), k -> new ArrayList<>()).add(s);
            }
            Map<String, Set<String>> frozen = dao.listedInFrozenSummaries(org, onlyUsers);
            for (Achievement a : applicable) {
                Map<String, ? extends java.util.Collection<String>> heldOfBadge = held.getOrDefault(a.id(), Map.of());
                for (MentorFacts f : facts) {
                    List<Award> earned = evaluator.earned(a, f);
                    java.util.Collection<String> keys = heldOfBadge.get(f.userId());
                    all.addAll(AwardEvaluator.notYetHeld(a, earned, keys == null ? List.of() : keys));
                    changesOf(a, earned, stored.get(f.userId()), frozen.get(f.userId()), gone, redate);
                }
            }
        });
        if (!gone.isEmpty()) {
            dao.withdraw(gone);
            gone.forEach(w -> LOG.info("Withdrew the award {} of user {}: {}", w.award().id(), w.award().award().userId(),
                    w.reason()));
        }
        Map<UUID, Instant> at = new HashMap<>();
        redate.forEach((id, to) -> at.put(id, to.awardedAt()));
        dao.redate(at);
        return dao.insertAwards(all);
    }

    /** One organisation's part of a run. */
    @FunctionalInterface
    interface OrgVisitor {
        void visit(String organizationId, List<Achievement> applicable, List<MentorFacts> facts,
                   Map<UUID, Map<String, List<String>>> held, ZoneId zone);
    }

    /**
     * Loads, per organisation, the badges of {@code badges} evaluable there (active, own or
     * platform, module gate), the mentors' facts and the held award windows (badge -> user -> keys).
     */
    static void forEachOrganization(AchievementDao dao, List<Achievement> badges, String organizationId,
                                    Set<String> onlyUsers, OrgVisitor visitor) {
        forEachOrganization(dao, badges, organizationId, visitor, (org, zone) -> dao.facts(org, zone, onlyUsers));
    }

    /** As above, with the mentors' facts from {@code facts} (organisation, zone). */
    static void forEachOrganization(AchievementDao dao, List<Achievement> badges, String organizationId,
                                    OrgVisitor visitor, java.util.function.BiFunction<String, ZoneId, List<MentorFacts>> facts) {
        Map<String, Set<String>> modules = dao.modulesByOrganization();
        List<String> orgs = new ArrayList<>();
        for (AchievementDao.OrganizationRef o : dao.organizations()) {
            if (organizationId == null || organizationId.equals(o.id())) {
                orgs.add(o.id());
            }
        }
        for (String org : orgs) {
            Set<String> enabled = modules.getOrDefault(org, Set.of());
            List<Achievement> applicable = badges.stream().filter(a -> AchievementRules.evaluable(a, org, enabled)).toList();
            if (applicable.isEmpty()) {
                continue;
            }
            ZoneId zone = zoneOf(dao, org);
            List<MentorFacts> mentorFacts = facts.apply(org, zone);
            Map<UUID, Map<String, List<String>>> held = new HashMap<>();
            for (AchievementDao.StoredAward s : dao.awardsInOrganization(org)) {
                held.computeIfAbsent(s.award().achievementId(), k -> new HashMap<>())
                        .computeIfAbsent(s.award().userId(), k -> new ArrayList<>()).add(s.award().periodKey());
            }
            visitor.visit(org, applicable, mentorFacts, held, zone);
        }
    }

    /** The organisation's time zone (the default when none is set). */
    static ZoneId zoneOf(AchievementDao dao, String organizationId) {
        return dao.timeZone(organizationId).filter(z -> !z.isBlank()).map(ZoneId::of).orElse(OrganizationSettings.DEFAULT_ZONE);
    }

    static Report report(List<AchievementDao.StoredAward> written, List<Achievement> catalog) {
        Map<UUID, String> keys = new HashMap<>();
        catalog.forEach(a -> keys.put(a.id(), a.key()));
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (AchievementDao.StoredAward s : written) {
            byKey.merge(keys.getOrDefault(s.award().achievementId(), s.award().achievementId().toString()), 1, Integer::sum);
        }
        return new Report(written.size(), byKey);
    }
}

package org.impactdesk.service.generation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.engine.Percentile;
import org.impactdesk.engine.SummaryContent;
import org.impactdesk.engine.SummaryEngine;
import org.impactdesk.engine.SummaryText;
import org.impactdesk.service.generation.GenerationService.MentorStep;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.SummaryInputDao;
import org.impactdesk.store.SummaryWriteDao;
/**
 * What one organisation's run knows: its request and closed periods, the stored states of its
 * summaries, its mentors, their events, awards and totals, the cohorts, and its report. Plain
 * fields, no SQL: {@link OrganizationRun} fills them from the store, the planning
 * ({@link RunPlanning}) and computing ({@link RunComputing}) layers read them, the writing
 * layers ({@link RunNotifying}, {@link RunPersisting}) keep them current. The run is split by
 * responsibility into that chain of classes, one object per organisation's run.
 */
abstract class RunState {
    /**
     * What the service passes on to each run. {@code cancel}: a stop the user may ask for (null:
     * none); a run that has one commits the organisation once, at its end, so a cancel rolls the
     * whole organisation back (a run without one commits per chunk of mentors).
     */
    record Settings(Clock clock, Locale locale, NotificationSender sender, Consumer<PeerMentor> beforeCompute, int chunkSize,
                    GenerationProgress cancel) {
        Settings(Clock clock, Locale locale, NotificationSender sender, Consumer<PeerMentor> beforeCompute, int chunkSize) {
            this(clock, locale, sender, beforeCompute, chunkSize, null);
        }
    }

    final OrganizationSettings org;
    final GenerationRequest req;
    final List<Period> closed;
    final GenerationReport report;
    final List<GenerationListener.Ready> committedReady;
    final List<GenerationListener.Ready> chunkReady = new ArrayList<>();
    final List<RunParticipant> participants;
    final List<MentorStep> steps = new ArrayList<>();
    final Clock clock;
    final NotificationSender sender;
    final Consumer<PeerMentor> beforeCompute;
    final int chunkSize;
    /** The user's stop (null: none): asked at each mentor; the organisation commits once, at its end. */
    final GenerationProgress cancel;
    final Instant now;
    final boolean impactOn;
    /** The organisation reviews each Wrapped before release: a ready annual summary notifies at its release, not here. */
    boolean reviewRequired = true;
    final SummaryEngine engine;
    final SummaryContent content;
    final Set<Integer> years = new TreeSet<>();
    Map<String, SummaryWriteDao.AnnualState> annualStates;
    Map<String, SummaryWriteDao.ImpactState> impactStates;
    Map<String, SummaryWriteDao.PeriodicState> periodicStates;
    Map<String, OrganizationSettings.OutlierThresholds> thresholdSnapshots;
    Map<String, List<MentorHistory.EventRef>> attended;
    Map<String, List<MentorHistory.EventRef>> organized;
    Map<String, List<Instant>> assignments;
    Map<String, List<MentorHistory.Award>> awards;
    Map<Integer, Percentile> cohorts = Map.of();
    final Map<String, PeerMentor> mentors = new LinkedHashMap<>();
    /** The stored totals rows by mentor; a processed mentor's are replaced by what this run computed. */
    Map<String, List<SummaryInputDao.MentorTotal>> totalsByMentor;
    final List<SummaryInputDao.MentorTotal> chunkTotals = new ArrayList<>();
    final List<SummaryInputDao.MentorMonth> chunkMonths = new ArrayList<>();
    final Set<String> processed = new HashSet<>();
    /** Whether stored summaries exist after a year, in years this run does not generate (by that year). */
    final Map<Integer, Boolean> laterYearsOutside = new HashMap<>();

    RunState(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
             List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
             Map<String, ActivityTypeName> activityTypes, Settings settings) {
        this.org = org;
        this.req = req;
        this.closed = closed;
        this.report = report;
        this.committedReady = committedReady;
        this.participants = participants;
        this.clock = settings.clock();
        this.sender = settings.sender();
        this.beforeCompute = settings.beforeCompute();
        this.chunkSize = settings.chunkSize();
        this.cancel = settings.cancel();
        this.now = clock.instant();
        this.impactOn = org.impactSummariesEnabled();
        this.engine = new SummaryEngine(org.zone());
        this.content = new SummaryContent(new SummaryText(settings.locale()), activityTypes);
        closed.forEach(p -> years.add(p.year()));
    }
}

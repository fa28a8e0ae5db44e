package org.impactdesk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a synthetic export bundle in the files of EXPORT_FORMAT.md: two organisations with
 * different settings, local associations, coordinators with scopes, admins, peer mentors with up
 * to 5 associations, contacts, activity types, activities with seasons (summer and December
 * dips, a campaign week), bursts, underactive and overloaded mentors, pending/flagged/rejected
 * rows, events with attendance (walk-ins and no-shows) and assignments with honorarium.
 *
 * <p>Deterministic for a spec: the same spec gives the same bytes. Streaming: only per-mentor
 * plans (a few hundred bytes each) and the events are held in memory, never the activities of
 * more than one mentor, so a bundle of millions of rows needs little heap.
 *
 * <p>Two passes: the first draws each mentor's plan (organisation, associations, status, start,
 * profile, bursts) and its expected workload, and shares the exact number of activity rows
 * among mentors in proportion to it; the second writes every file, mentor by mentor, drawing
 * that many activity dates from the mentor's day-by-day intensity.
 */
public final class DemoDataGenerator {

    public static final List<String> FILES = List.of("organizations.csv", "local_associations.csv", "users.csv",
            "peer_mentors.csv", "contacts.csv", "activity_types.csv", "activities.csv", "events.csv",
            "event_attendance.csv", "assignments.csv");

    /** The activity types: key, English name, Bokmål name, duration min/max/step, km share, no-contact share. */
    record ActivityType(String key, String name, String nameNb, int minMinutes, int maxMinutes, int step,
                        double kmShare, double noContactShare, int firstHour, int lastHour) {
    }

    static final List<ActivityType> TYPES = List.of(
            new ActivityType("home_visit", "Home visit", "Hjemmebesøk", 45, 150, 15, 0.7, 0.0, 10, 18),
            new ActivityType("phone_support", "Phone support", "Telefonstøtte", 10, 45, 5, 0.0, 0.3, 9, 21),
            new ActivityType("cafe_meeting", "Café meeting", "Kafémøte", 45, 120, 15, 0.2, 0.0, 10, 16),
            new ActivityType("support_group", "Support group", "Likepersonsgruppe", 90, 150, 15, 0.1, 1.0, 17, 19),
            new ActivityType("digital_meeting", "Video call", "Videosamtale", 20, 60, 10, 0.0, 0.0, 9, 20),
            new ActivityType("accompaniment", "Accompaniment to an appointment", "Følge til time", 60, 240, 30, 0.8, 0.0, 8, 14),
            new ActivityType("walk_and_talk", "Walk and talk", "Gå-og-snakk-tur", 30, 90, 15, 0.6, 0.0, 10, 17));
    static final ActivityType GATHERING = new ActivityType("group_gathering", "Gathering", "Samling", 90, 180, 30, 0.0, 1.0, 17, 18);

    /** Month factors of the season: a summer dip in July, a December dip, busy autumns. */
    static final double[] MONTH = {0, 0.95, 1.05, 1.1, 0.95, 1.0, 0.8, 0.3, 0.75, 1.15, 1.2, 1.15, 0.75};
    static final double[] WEEKDAY = {0, 1.0, 1.1, 1.1, 1.0, 0.75, 0.35, 0.25};
    /** The (fictional) national peer-mentor week: ISO week 38 of every year. */
    static final int CAMPAIGN_WEEK = 38;
    static final double CAMPAIGN_FACTOR = 1.8;

    enum Profile { NORMAL, UNDERACTIVE, OVERLOADED, SPORADIC }

    /** An organisation of the demo and its settings (as CSV fields). */
    record Org(String key, String name, ZoneId zone, String domain, String prefix, List<String> places,
               String settingsCsv, int eventsPerMonth) {
    }

    static final Org FJORDLYS = new Org("fjordlys", "Fjordlys likepersonforening (demo)", ZoneId.of("Europe/Oslo"),
            "fjordlys.example", "fl", DemoNames.OSLO_ASSOCIATIONS,
            // hourly_rate,currency,social_value_multiplier,cost_saving_per_contact,q_under,q_over,h_under,h_over,impact,modules
            "420.00,NOK,1.75,1500.00,4,35,8,70,true,achievements-gamification|wrapped", 2);
    static final Org NORDSJO = new Org("nordsjo", "Nordsjø likepersonsnettverk UK (demo)", ZoneId.of("Europe/London"),
            "nordsjo.example", "ns", DemoNames.LONDON_ASSOCIATIONS,
            // platform defaults for rate, currency, multiplier and quarterly thresholds; impact summaries off
            ",,,900.00,,,5,90,false,", 1);

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    /** What was written: rows per file, and a few ids worth trying. */
    public record Result(Path dir, Map<String, Long> rows, Map<String, String> sampleIds) {
        public long activities() {
            return rows.getOrDefault("activities.csv", 0L);
        }
    }

    private final DemoSpec spec;
    private final LocalDate first;
    private final LocalDate last;
    private final int days;
    private final double[] baseDay;
    private final DemoIds ids;

    // pass 1
    private final List<OrgPlan> orgs = new ArrayList<>();
    private final List<MentorPlan> mentors = new ArrayList<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, String> samples = new LinkedHashMap<>();
    private long activitySeq;
    private long contactSeq;
    private long assignmentSeq;

    private DemoDataGenerator(DemoSpec spec) {
        this.spec = spec;
        this.first = spec.firstDate();
        this.last = spec.lastDate();
        this.days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        this.baseDay = new double[days];
        for (int d = 0; d < days; d++) {
            baseDay[d] = seasonFactor(first.plusDays(d));
        }
        this.ids = new DemoIds(spec.idStyle(), spec.seed());
    }

    /** Writes the bundle into {@code dir} (created if missing; existing bundle files are replaced). */
    public static Result write(DemoSpec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        DemoDataGenerator g = new DemoDataGenerator(spec);
        g.plan();
        try {
            g.writeAll(dir);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(dir, Map.copyOf(g.rows), Map.copyOf(g.samples));
    }

    /** The seasonal, weekly and campaign factor of a local date, the same for every mentor. */
    static double seasonFactor(LocalDate date) {
        double f = MONTH[date.getMonthValue()] * WEEKDAY[date.getDayOfWeek().getValue()];
        int dom = date.getDayOfMonth();
        switch (date.getMonthValue()) {
            case 12 -> f *= dom >= 20 ? 0.3 : 1.1;
            case 1 -> f *= dom <= 3 ? 0.4 : 1.0;
            case 6 -> f *= dom >= 20 ? 0.7 : 1.0;
            case 8 -> f *= dom <= 10 ? 0.7 : 1.1;
            default -> { }
        }
        if (date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == CAMPAIGN_WEEK) {
            f *= CAMPAIGN_FACTOR;
        }
        return f;
    }

    // ------------------------------------------------------------------ pass 1: plans

    private final class OrgPlan {
        final Org org;
        final int index;
        final String id;
        final List<String> assocIds = new ArrayList<>();
        final double[] assocWeights;
        final List<String> adminIds = new ArrayList<>();
        final List<String> coordinatorIds = new ArrayList<>();
        final List<Set<String>> coordinatorScopes = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Integer> mentorIndexes = new ArrayList<>();

        OrgPlan(Org org, int index, int mentorCount, SplittableRandom r) {
            this.org = org;
            this.index = index;
            this.id = ids.of("org-" + org.key());
            int minAssoc = index == 0 ? 6 : 3;
            int n = Math.max(minAssoc, (mentorCount + 54) / 55);
            assocWeights = new double[n];
            for (int i = 0; i < n; i++) {
                assocIds.add(ids.of(String.format(Locale.ROOT, "la-%s-%02d", org.prefix(), i + 1)));
                assocWeights[i] = 1 + r.nextDouble() * 2;
            }
            int admins = index == 0 ? 2 : 1;
            for (int i = 0; i < admins; i++) {
                adminIds.add(ids.of("u-" + org.key() + "-admin-" + (i + 1)));
            }
            int coords = Math.max(2, (n + 1) / 2);
            for (int c = 0; c < coords; c++) {
                coordinatorIds.add(ids.of(String.format(Locale.ROOT, "u-%s-coord-%02d", org.key(), c + 1)));
                Set<String> scope = new LinkedHashSet<>();
                scope.add(assocIds.get((2 * c) % n));
                scope.add(assocIds.get((2 * c + 1) % n));
                if (r.nextDouble() < 0.3) {
                    scope.add(assocIds.get((2 * c + 2) % n));
                }
                coordinatorScopes.add(scope);
            }
        }

        String pickAssociation(SplittableRandom r) {
            double total = Arrays.stream(assocWeights).sum();
            double x = r.nextDouble() * total;
            for (int i = 0; i < assocWeights.length; i++) {
                x -= assocWeights[i];
                if (x < 0) {
                    return assocIds.get(i);
                }
            }
            return assocIds.get(assocIds.size() - 1);
        }
    }

    record Event(String id, OrgPlan org, String title, LocalDateTime at, int day, String organizerUserId) {
    }

    private final class MentorPlan {
        final int index;
        final String id;
        final String userId;
        final boolean isCoordinator;
        final OrgPlan org;
        final String displayName;
        final List<String> associations = new ArrayList<>();
        final String status;
        final LocalDate startedOn;
        final int windowStart;
        final int windowEnd;
        final int pauseFrom;
        final Profile profile;
        final double rate;
        final int[][] bursts;
        final double[] typeWeights;
        final long seed;
        final double expected;
        long quota;

        MentorPlan(int index, OrgPlan org, SplittableRandom r) {
            this.index = index;
            this.org = org;
            this.seed = r.nextLong();
            this.id = ids.of(String.format(Locale.ROOT, "pm-%04d", index + 1));
            // the first mentor of the first organisation is also its first coordinator
            this.isCoordinator = index == 0;
            this.userId = isCoordinator ? org.coordinatorIds.get(0) : ids.of(String.format(Locale.ROOT, "u-pm-%04d", index + 1));
            this.displayName = DemoNames.person(r);
            String primary = isCoordinator ? org.coordinatorScopes.get(0).iterator().next() : org.pickAssociation(r);
            associations.add(primary);
            double a = r.nextDouble();
            int extra = a < 0.70 ? 0 : a < 0.86 ? 1 : a < 0.94 ? 2 : a < 0.98 ? 3 : 4;
            int wanted = Math.min(1 + extra, Math.min(5, org.assocIds.size()));
            for (int attempt = 0; attempt < 50 && associations.size() < wanted; attempt++) {
                String la = org.pickAssociation(r);
                if (!associations.contains(la)) {
                    associations.add(la);
                }
            }
            double p = r.nextDouble();
            profile = p < 0.08 ? Profile.UNDERACTIVE : p < 0.15 ? Profile.OVERLOADED : p < 0.18 ? Profile.SPORADIC : Profile.NORMAL;
            rate = switch (profile) {
                case UNDERACTIVE -> 0.12 + r.nextDouble() * 0.18;
                case OVERLOADED -> 3.5 + r.nextDouble() * 1.5;
                case SPORADIC -> 0.03 + r.nextDouble() * 0.04;
                case NORMAL -> Math.exp(gaussian(r) * 0.45);
            };
            double s = r.nextDouble();
            if (s < 0.10) {
                startedOn = null;
            } else if (s < 0.55) {
                startedOn = first.minusDays(30 + r.nextInt(3000));
            } else {
                startedOn = first.plusDays(r.nextInt(Math.max(1, days - 30)));
            }
            int start = startedOn == null
                    ? (r.nextDouble() < 0.8 ? 0 : r.nextInt(Math.max(1, days * 2 / 3)))
                    : (int) Math.max(0, startedOn.toEpochDay() - first.toEpochDay());
            double st = r.nextDouble();
            int end = days - 1;
            int pause = Integer.MAX_VALUE;
            if (st < 0.08 && days > 240) {
                status = "inactive";
                end = Math.max(start + 60, 180 + r.nextInt(days - 240));
            } else if (st < 0.16) {
                status = "paused";
                pause = Math.max(start + 30, days - 60 - r.nextInt(90));
            } else {
                status = "active";
            }
            windowStart = start;
            windowEnd = Math.min(end, days - 1);
            pauseFrom = pause;
            int burstCount = (int) Math.ceil(days / 365.0 * (profile == Profile.OVERLOADED ? 2 : 1) * r.nextDouble() * 1.5);
            bursts = new int[burstCount][];
            for (int b = 0; b < burstCount; b++) {
                int from = r.nextInt(days);
                bursts[b] = new int[] {from, from + 7 + r.nextInt(15), 25 + r.nextInt(16)}; // factor x10
            }
            typeWeights = new double[TYPES.size()];
            for (int t = 0; t < typeWeights.length; t++) {
                typeWeights[t] = Math.pow(r.nextDouble(), 2) + (t == 0 || t == 1 ? 0.4 : 0.05);
            }
            double e = 0;
            for (int d = windowStart; d <= windowEnd && d < pauseFrom; d++) {
                e += dayWeight(d);
            }
            expected = e * rate;
        }

        double dayWeight(int d) {
            if (d < windowStart || d > windowEnd || d >= pauseFrom) {
                return 0;
            }
            double w = baseDay[d];
            for (int[] b : bursts) {
                if (d >= b[0] && d <= b[1]) {
                    w *= b[2] / 10.0;
                }
            }
            return w;
        }

    }

    static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private void plan() {
        SplittableRandom master = new SplittableRandom(spec.seed());
        int countB = spec.mentors() / 4;
        int countA = spec.mentors() - countB;
        orgs.add(new OrgPlan(FJORDLYS, 0, countA, master.split()));
        orgs.add(new OrgPlan(NORDSJO, 1, countB, master.split()));
        for (int i = 0; i < spec.mentors(); i++) {
            OrgPlan org = orgs.get(i % 4 == 3 ? 1 : 0);
            MentorPlan m = new MentorPlan(i, org, master.split());
            mentors.add(m);
            org.mentorIndexes.add(i);
        }
        for (OrgPlan o : orgs) {
            planEvents(o, master.split());
        }
        allocateQuotas();
    }

    /** Shares the exact number of activity rows among mentors in proportion to their expected workload. */
    private void allocateQuotas() {
        long target = spec.targetActivities();
        double total = mentors.stream().mapToDouble(m -> m.expected).sum();
        if (total <= 0) {
            mentors.get(0).quota = 0;
            return;
        }
        long given = 0;
        double[] frac = new double[mentors.size()];
        for (MentorPlan m : mentors) {
            double exact = target * m.expected / total;
            m.quota = (long) Math.floor(exact);
            frac[m.index] = exact - m.quota;
            given += m.quota;
        }
        Integer[] order = new Integer[mentors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -frac[i]).thenComparingInt(i -> i));
        for (int k = 0; given < target; k = (k + 1) % order.length) {
            mentors.get(order[k]).quota++;
            given++;
        }
    }

    private void planEvents(OrgPlan o, SplittableRandom r) {
        int perMonth = o.org.eventsPerMonth() + o.assocIds.size() / 8;
        int seq = 0;
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
            int n = month.getMonthValue() == 7 ? r.nextInt(2) : perMonth + (r.nextDouble() < 0.4 ? 1 : 0);
            for (int k = 0; k < n; k++) {
                LocalDate day = month.plusDays(r.nextInt(month.lengthOfMonth()));
                boolean saturday = r.nextDouble() < 0.25;
                if (saturday) {
                    day = day.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                } else if (day.getDayOfWeek().getValue() >= 6) {
                    day = day.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.TUESDAY));
                }
                if (day.isAfter(last) || day.getMonthValue() != month.getMonthValue()) {
                    continue;
                }
                String title = switch (month.getMonthValue()) {
                    case 12 -> "Julesamling";
                    case 6 -> "Sommeravslutning";
                    case 3, 4 -> r.nextDouble() < 0.5 ? "Vårsamling" : DemoNames.EVENT_TITLES.get(r.nextInt(DemoNames.EVENT_TITLES.size()));
                    case 9, 10 -> r.nextDouble() < 0.5 ? "Høstsamling" : DemoNames.EVENT_TITLES.get(r.nextInt(DemoNames.EVENT_TITLES.size()));
                    default -> DemoNames.EVENT_TITLES.get(r.nextInt(DemoNames.EVENT_TITLES.size()));
                };
                double who = r.nextDouble();
                String organizer;
                if (who < 0.65) {
                    organizer = o.coordinatorIds.get(r.nextInt(o.coordinatorIds.size()));
                } else if (who < 0.9 && !o.mentorIndexes.isEmpty()) {
                    organizer = mentors.get(o.mentorIndexes.get(r.nextInt(o.mentorIndexes.size()))).userId;
                } else {
                    organizer = null;
                }
                LocalDateTime at = day.atTime(saturday ? 11 : 17 + r.nextInt(2), r.nextDouble() < 0.5 ? 0 : 30);
                seq++;
                o.events.add(new Event(ids.of(String.format(Locale.ROOT, "ev-%s-%04d", o.org.prefix(), seq)), o,
                        title + " " + day.getYear(), at, (int) (day.toEpochDay() - first.toEpochDay()), organizer));
            }
        }
    }

    // ------------------------------------------------------------------ pass 2: files

    private void writeAll(Path dir) throws IOException {
        try (DemoCsv orgCsv = new DemoCsv(dir, "organizations.csv", "id,name,time_zone,hourly_rate,currency,social_value_multiplier,"
                + "cost_saving_per_contact,quarterly_underactive_sessions,quarterly_overloaded_sessions,"
                + "half_year_underactive_sessions,half_year_overloaded_sessions,impact_summary_enabled,enabled_modules");
             DemoCsv laCsv = new DemoCsv(dir, "local_associations.csv", "id,organization_id,name");
             DemoCsv userCsv = new DemoCsv(dir, "users.csv", "id,organization_id,display_name,email,roles,local_association_ids");
             DemoCsv pmCsv = new DemoCsv(dir, "peer_mentors.csv",
                     "id,user_id,organization_id,primary_local_association_id,local_association_ids,status,started_on");
             DemoCsv contactCsv = new DemoCsv(dir, "contacts.csv", "id,organization_id,display_name");
             DemoCsv typeCsv = new DemoCsv(dir, "activity_types.csv", "id,name,name_nb,funder_category");
             DemoCsv actCsv = new DemoCsv(dir, "activities.csv", "id,organization_id,local_association_id,peer_mentor_id,"
                     + "activity_type,started_at,duration_minutes,contact_id,approval_status,travel_km,event_id");
             DemoCsv eventCsv = new DemoCsv(dir, "events.csv", "id,organization_id,title,starts_at,organizer_user_id");
             DemoCsv attCsv = new DemoCsv(dir, "event_attendance.csv", "event_id,user_id,registered,attended");
             DemoCsv asgCsv = new DemoCsv(dir, "assignments.csv", "id,peer_mentor_id,status,completed_at,honorarium_amount")) {

            SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
            for (OrgPlan o : orgs) {
                orgCsv.row(o.id + "," + esc(o.org.name()) + "," + o.org.zone().getId() + "," + o.org.settingsCsv());
                for (int i = 0; i < o.assocIds.size(); i++) {
                    laCsv.row(o.assocIds.get(i) + "," + o.id + "," + esc(o.org.name().split(" ")[0] + " "
                            + DemoNames.association(o.org.places(), i)));
                }
            }
            // funder_category left empty: the defaults by key apply (FUNDER_REPORT.md)
            for (ActivityType t : TYPES) {
                typeCsv.row(t.key() + "," + esc(t.name()) + "," + esc(t.nameNb()) + ",");
            }
            typeCsv.row(GATHERING.key() + "," + esc(GATHERING.name()) + "," + esc(GATHERING.nameNb()) + ",");
            for (String[] t : FUNDER_TYPES) {
                typeCsv.row(t[0] + "," + esc(t[1]) + "," + esc(t[2]) + "," + t[3]);
            }

            String globalAdmin = ids.of("u-global-admin");
            userCsv.row(globalAdmin + ",," + esc("Gunnhild Plattformsen") + ",gunnhild.plattformsen@platform.example,global_admin,");
            samples.put("global_admin_user_id", globalAdmin);
            for (OrgPlan o : orgs) {
                for (int i = 0; i < o.adminIds.size(); i++) {
                    String name = DemoNames.person(r);
                    userCsv.row(o.adminIds.get(i) + "," + o.id + "," + esc(name) + "," + DemoNames.email(name, i + 1, o.org.domain())
                            + ",org_admin,");
                }
                for (int c = 0; c < o.coordinatorIds.size(); c++) {
                    boolean alsoMentor = o.index == 0 && c == 0;
                    String name = alsoMentor ? mentors.get(0).displayName : DemoNames.person(r);
                    userCsv.row(o.coordinatorIds.get(c) + "," + o.id + "," + esc(name) + "," + DemoNames.email(name, 100 + c, o.org.domain())
                            + "," + (alsoMentor ? "coordinator|peer_mentor" : "coordinator") + ","
                            + String.join("|", o.coordinatorScopes.get(c)));
                }
                samples.put(o.org.key() + "_org_id", o.id);
                samples.put(o.org.key() + "_org_admin_user_id", o.adminIds.get(0));
                samples.put(o.org.key() + "_coordinator_user_id", o.coordinatorIds.get(o.coordinatorIds.size() > 1 ? 1 : 0));
                for (Event e : o.events) {
                    eventCsv.row(e.id() + "," + o.id + "," + esc(e.title()) + "," + ts(e.at(), o.org.zone()) + ","
                            + (e.organizerUserId() == null ? "" : e.organizerUserId()));
                }
            }
            samples.put("coordinator_and_mentor_user_id", orgs.get(0).coordinatorIds.get(0));

            Writers w = new Writers(userCsv, pmCsv, contactCsv, actCsv, attCsv, asgCsv);
            for (MentorPlan m : mentors) {
                writeMentor(m, w);
            }
            if (spec.activities() == null) {
                writeFunderShowcase(w, eventCsv);
            }
            for (DemoCsv c : List.of(orgCsv, laCsv, userCsv, pmCsv, contactCsv, typeCsv, actCsv, eventCsv, attCsv, asgCsv)) {
                rows.put(c.file, c.rows);
            }
        }
        Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 1, \"exported_at\": \""
                + last.plusDays(1) + "T06:00:00Z\"}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), DemoReadme.text(spec, first, last, orgs.get(0).id, orgs.get(1).id, rows, samples),
                StandardCharsets.UTF_8);
    }

    private record Writers(DemoCsv users, DemoCsv mentors, DemoCsv contacts, DemoCsv activities, DemoCsv attendance, DemoCsv assignments) {
    }

    /**
     * The activity types the funder showcase uses besides {@link #TYPES}: key, names, the
     * funder_category column (a course and a stand with the platform's category, a memory café with none).
     */
    static final List<String[]> FUNDER_TYPES = List.of(
            new String[] {"peer_course", "Peer-support course", "Likepersonskurs", "course"},
            new String[] {"memory_cafe", "Memory café", "Minnekafé", ""},
            new String[] {"stand", "Information stand", "Informasjonsstand", "not_counted"});

    /**
     * The demo's funder showcase (FUNDER_REPORT.md), in the first organisation's last closed year,
     * after every mentor's own rows and from a random stream of its own, so the rows above do not
     * change: group sessions of several contacts on one event (some too short, some with too few
     * participants), a two-day course and a course day with too few people, memory café rows (a
     * type with no category), stands (not counted) and visits before a new mentor's start.
     */
    private void writeFunderShowcase(Writers w, DemoCsv eventCsv) {
        OrgPlan o = orgs.get(0);
        int year = spec.lastYear();
        ZoneId zone = o.org.zone();
        SplittableRandom r = new SplittableRandom(spec.seed() ^ 0xF0DE5L);
        int yearStart = (int) (LocalDate.of(year, 1, 1).toEpochDay() - first.toEpochDay());
        int yearEnd = (int) (LocalDate.of(year, 12, 31).toEpochDay() - first.toEpochDay());
        List<MentorPlan> leaders = new ArrayList<>();
        MentorPlan newcomer = null;
        for (int i : o.mentorIndexes) {
            MentorPlan m = mentors.get(i);
            boolean wholeYear = "active".equals(m.status) && !m.isCoordinator && m.windowStart <= yearStart
                    && m.windowEnd >= yearEnd && m.pauseFrom > yearEnd;
            if (wholeYear && (m.startedOn == null || m.startedOn.getYear() < year) && leaders.size() < 6) {
                leaders.add(m);
            }
            if (newcomer == null && !m.isCoordinator && m.startedOn != null && m.startedOn.getYear() == year
                    && m.startedOn.getDayOfYear() > 20) {
                newcomer = m;
            }
        }
        if (leaders.size() < 2) {
            return; // too small a demo for a showcase
        }
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String cid = ids.of(String.format(Locale.ROOT, "c-%06d", ++contactSeq));
            people.add(cid);
            w.contacts().row(cid + "," + o.id + "," + esc(DemoNames.person(r)));
        }
        int eventSeq = 0;
        // group sessions: every third week on Tuesday evenings, 3 to 6 contacts, one or two leaders
        LocalDate day = LocalDate.of(year, 1, 14);
        for (int s = 1; s <= 16; s++, day = day.plusWeeks(3)) {
            if (day.getMonthValue() == 7) {
                continue;
            }
            MentorPlan lead = leaders.get(s % leaders.size());
            MentorPlan second = s % 3 == 0 ? leaders.get((s + 1) % leaders.size()) : null;
            int contacts = s % 5 == 0 ? 2 : 3 + r.nextInt(4);
            int minutes = s % 7 == 0 ? 30 : 90;
            String event = ids.of(String.format(Locale.ROOT, "ev-%s-group-%02d", o.org.prefix(), ++eventSeq));
            LocalDateTime at = day.atTime(18, 0);
            eventCsv.row(event + "," + o.id + "," + esc("Likepersonsgruppe " + s) + "," + ts(at, zone) + "," + lead.userId);
            int offset = r.nextInt(people.size());
            for (int c = 0; c < contacts; c++) {
                MentorPlan by = second != null && c % 2 == 1 ? second : lead;
                funderRow(w, o, by, "support_group", at, minutes, people.get((offset + c) % people.size()), event);
            }
        }
        // a two-day course of 5 contacts and one leader (counted), and a spring course day of 3 contacts (too few)
        MentorPlan teacher = leaders.get(0);
        String autumn = ids.of(String.format(Locale.ROOT, "ev-%s-course-%02d", o.org.prefix(), 1));
        LocalDateTime autumnAt = LocalDate.of(year, 10, 11).atTime(10, 0);
        eventCsv.row(autumn + "," + o.id + "," + esc("Likepersonskurs høst " + year) + "," + ts(autumnAt, zone) + "," + teacher.userId);
        for (int d = 0; d < 2; d++) {
            for (int c = 0; c < 5; c++) {
                funderRow(w, o, teacher, "peer_course", autumnAt.plusDays(d), 180, people.get(c), autumn);
            }
        }
        String spring = ids.of(String.format(Locale.ROOT, "ev-%s-course-%02d", o.org.prefix(), 2));
        LocalDateTime springAt = LocalDate.of(year, 4, 26).atTime(10, 0);
        eventCsv.row(spring + "," + o.id + "," + esc("Likepersonskurs vår " + year) + "," + ts(springAt, zone) + "," + teacher.userId);
        for (int c = 5; c < 8; c++) {
            funderRow(w, o, teacher, "peer_course", springAt, 150, people.get(c), spring);
        }
        // memory café (no category) and stands (not counted)
        for (int k = 0; k < 8; k++) {
            funderRow(w, o, leaders.get(1 + k % (leaders.size() - 1)), "memory_cafe",
                    LocalDate.of(year, 2 + k, 5 + r.nextInt(10)).atTime(13, 0), 60, people.get(8 + k % 4), null);
        }
        for (int k = 0; k < 4; k++) {
            funderRow(w, o, leaders.get(k % leaders.size()), "stand",
                    LocalDate.of(year, 3 + 2 * k, 12).atTime(11, 0), 180, null, null);
        }
        // a new mentor's visits logged before their start date
        if (newcomer != null) {
            for (int k = 1; k <= 2; k++) {
                funderRow(w, o, newcomer, "home_visit", newcomer.startedOn.minusDays(7L * k).atTime(11, 0), 60,
                        people.get(k), null);
            }
        }
    }

    private void funderRow(Writers w, OrgPlan o, MentorPlan m, String type, LocalDateTime at, int minutes, String contact,
                           String event) {
        String id = ids.of(String.format(Locale.ROOT, "a-%07d", ++activitySeq));
        w.activities().row(id + "," + o.id + "," + m.associations.get(0) + "," + m.id + "," + type + ","
                + ts(at, o.org.zone()) + "," + minutes + "," + (contact == null ? "" : contact) + ",approved,,"
                + (event == null ? "" : event));
    }

    /** One activity before it is written: a local date-time and what was done. */
    private record Act(long sortKey, LocalDateTime at, ActivityType type, int minutes, String association, Event event) {
    }

    private void writeMentor(MentorPlan m, Writers w) {
        SplittableRandom r = new SplittableRandom(m.seed);
        OrgPlan o = m.org;
        ZoneId zone = o.org.zone();
        if (!m.isCoordinator) {
            w.users().row(m.userId + "," + o.id + "," + esc(m.displayName) + ","
                    + DemoNames.email(m.displayName, m.index + 1, o.org.domain()) + ",peer_mentor,");
        }
        w.mentors().row(m.id + "," + m.userId + "," + o.id + "," + m.associations.get(0) + ","
                + String.join("|", m.associations) + "," + m.status + "," + (m.startedOn == null ? "" : m.startedOn));
        sample(m);

        // events: registered or walk-in, attended or not; some attended events are logged as activities
        List<Act> acts = new ArrayList<>();
        double eventsPerYear = o.events.size() / Math.max(1.0, days / 365.25);
        double level = Math.min(3, Math.max(0.3, m.rate));
        double pRegister = Math.min(0.6, 3.0 * level / Math.max(1, eventsPerYear));
        for (Event e : o.events) {
            if (e.day() < m.windowStart || e.day() > m.windowEnd || e.day() >= m.pauseFrom) {
                continue;
            }
            boolean registered = r.nextDouble() < pRegister;
            boolean attended;
            if (registered) {
                attended = r.nextDouble() < 0.85;
            } else if (r.nextDouble() < pRegister * 0.12) {
                attended = true; // a walk-in
            } else {
                continue;
            }
            w.attendance().row(e.id() + "," + m.userId + "," + registered + "," + attended);
            if (attended && r.nextDouble() < 0.6 && acts.size() < m.quota) {
                int minutes = minutes(GATHERING, r);
                acts.add(new Act(sortKey(e.day(), e.at()), e.at(), GATHERING, minutes, m.associations.get(0), e));
            }
        }

        // regular activities: dates drawn from the mentor's day-by-day intensity
        long regular = m.quota - acts.size();
        if (regular > 0) {
            double[] cum = new double[days];
            double total = 0;
            for (int d = 0; d < days; d++) {
                total += m.dayWeight(d);
                cum[d] = total;
            }
            double[] typeCum = new double[TYPES.size()];
            double tt = 0;
            for (int t = 0; t < typeCum.length; t++) {
                tt += m.typeWeights[t];
                typeCum[t] = tt;
            }
            for (long k = 0; k < regular; k++) {
                int d;
                if (total <= 0) {
                    d = Math.min(days - 1, Math.max(0, m.windowStart));
                } else {
                    int idx = Arrays.binarySearch(cum, r.nextDouble() * total);
                    d = idx >= 0 ? idx : Math.min(days - 1, -idx - 1);
                    while (d < days - 1 && m.dayWeight(d) == 0) {
                        d++; // only on a binary-search edge
                    }
                }
                ActivityType type = TYPES.get(pick(typeCum, r.nextDouble() * tt));
                int hour = type.firstHour() + r.nextInt(type.lastHour() - type.firstHour() + 1);
                LocalDateTime at = first.plusDays(d).atTime(hour, 15 * r.nextInt(4));
                String la = m.associations.size() == 1 || r.nextDouble() < 0.8 ? m.associations.get(0)
                        : m.associations.get(1 + r.nextInt(m.associations.size() - 1));
                acts.add(new Act(sortKey(d, at), at, type, minutes(type, r), la, null));
            }
        }
        acts.sort(Comparator.comparingLong(Act::sortKey));

        // contacts: a Chinese-restaurant process in time order, so regulars and new people emerge naturally
        double alpha = 1.5 + r.nextDouble() * 3;
        List<String> contactIds = new ArrayList<>();
        int[] urn = new int[acts.size()];
        int urnSize = 0;
        int pendingFromDay = days - 45;
        for (Act a : acts) {
            String contact = "";
            boolean withContact = a.type().noContactShare() < 1.0 && r.nextDouble() >= a.type().noContactShare();
            if (withContact) {
                int c;
                if (urnSize == 0 || (contactIds.size() < 60 && r.nextDouble() < alpha / (alpha + urnSize))) {
                    c = contactIds.size();
                    String cid = ids.of(String.format(Locale.ROOT, "c-%06d", ++contactSeq));
                    contactIds.add(cid);
                    String name = r.nextDouble() < 0.08 ? "" : esc(DemoNames.person(r));
                    w.contacts().row(cid + "," + o.id + "," + name);
                } else {
                    c = urn[r.nextInt(urnSize)];
                }
                urn[urnSize++] = c;
                contact = contactIds.get(c);
            }
            int day = (int) (a.at().toLocalDate().toEpochDay() - first.toEpochDay());
            double s = r.nextDouble();
            String approval;
            if (a.event() != null) {
                approval = s < 0.97 ? "approved" : "pending";
            } else if (day >= pendingFromDay) {
                approval = s < 0.30 ? "pending" : s < 0.33 ? "flagged" : s < 0.34 ? "rejected" : "approved";
            } else {
                approval = s < 0.015 ? "pending" : s < 0.035 ? "flagged" : s < 0.05 ? "rejected" : "approved";
            }
            String km = "";
            if (a.type().kmShare() > 0 && r.nextDouble() < a.type().kmShare()) {
                int tenths = 5 + r.nextInt(400);
                km = (tenths / 10) + "." + (tenths % 10);
            }
            String id = ids.of(String.format(Locale.ROOT, "a-%07d", ++activitySeq));
            w.activities().row(id + "," + o.id + "," + a.association() + "," + m.id + "," + a.type().key() + ","
                    + ts(a.at(), zone) + "," + a.minutes() + "," + contact + "," + approval + "," + km + ","
                    + (a.event() == null ? "" : a.event().id()));
        }

        // assignments with honorarium, for about a third of the mentors
        if (r.nextDouble() < 0.35) {
            for (int y = first.getYear(); y <= last.getYear(); y++) {
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    int d = (int) (LocalDate.of(y, 1, 1).toEpochDay() - first.toEpochDay()) + r.nextInt(365);
                    if (d < m.windowStart || d > m.windowEnd || d >= days) {
                        continue;
                    }
                    String id = ids.of(String.format(Locale.ROOT, "asg-%05d", ++assignmentSeq));
                    LocalDateTime at = first.plusDays(d).atTime(12 + r.nextInt(4), 0);
                    double s = r.nextDouble();
                    if (d >= days - 60 && s < 0.5) {
                        w.assignments().row(id + "," + m.id + ",open,,");
                    } else if (s < 0.87) {
                        String amount = new String[] {"300.00", "450.00", "600.00"}[r.nextInt(3)];
                        w.assignments().row(id + "," + m.id + ",completed," + ts(at, zone) + "," + amount);
                    } else {
                        w.assignments().row(id + "," + m.id + ",cancelled,,");
                    }
                }
            }
        }
    }

    private void sample(MentorPlan m) {
        String key = switch (m.profile) {
            case OVERLOADED -> "overloaded_peer_mentor_id";
            case UNDERACTIVE -> "underactive_peer_mentor_id";
            case SPORADIC -> "sporadic_peer_mentor_id";
            case NORMAL -> m.associations.size() >= 3 ? "multi_association_peer_mentor_id" : "peer_mentor_id";
        };
        if (m.org.index == 0 && "active".equals(m.status) && m.startedOn != null && m.startedOn.isBefore(first)) {
            samples.putIfAbsent(key, m.id);
        }
    }

    private static long sortKey(int day, LocalDateTime at) {
        return (long) day * 1440 + at.getHour() * 60L + at.getMinute();
    }

    private static int pick(double[] cum, double x) {
        for (int i = 0; i < cum.length; i++) {
            if (x < cum[i]) {
                return i;
            }
        }
        return cum.length - 1;
    }

    private static int minutes(ActivityType t, SplittableRandom r) {
        int steps = (t.maxMinutes() - t.minMinutes()) / t.step();
        return t.minMinutes() + t.step() * r.nextInt(steps + 1);
    }

    static String ts(LocalDateTime local, ZoneId zone) {
        return TS.format(local.atZone(zone));
    }

    static String esc(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }


}

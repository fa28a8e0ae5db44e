package org.impactdesk.demo;

import java.time.LocalDate;
import java.util.Map;

/** The README.md written into a demo bundle. */
final class DemoReadme {
    private DemoReadme() {
    }

    /** The bundle's README: what is in it, its rows and ids to try. */
    static String text(DemoSpec spec, LocalDate first, LocalDate last, String firstOrgId, String secondOrgId,
                       Map<String, Long> rows, Map<String, String> samples) {
        StringBuilder b = new StringBuilder();
        b.append("# Impact Desk demo export bundle\n\n")
                .append("**Every person, organisation, contact and event in this bundle is fictional.** The names are\n")
                .append("Norwegian-style first names combined at random with invented surnames; e-mail addresses use\n")
                .append("the reserved `.example` domains. Any likeness to a real person is chance.\n\n")
                .append("Written by `bin/impact-desk demo-data --mentors ").append(spec.mentors()).append(" --years ")
                .append(spec.years()).append(" --seed ").append(spec.seed()).append(" --out DIR` (deterministic: the same\n")
                .append("options give the same files). Format: `EXPORT_FORMAT.md`, version 1.\n\n")
                .append("Activities from ").append(first).append(" to ").append(last).append(" (closed years up to ")
                .append(spec.lastYear()).append(spec.openYearUntil() != null ? ", and the open year " + (spec.lastYear() + 1)
                        + " up to " + spec.openYearUntil() + " for previews" : "").append(").\n\n")
                .append("## Organisations\n\n")
                .append("- `").append(firstOrgId).append("` ").append(DemoDataGenerator.FJORDLYS.name())
                .append(": Europe/Oslo, hourly rate 420.00 NOK, social value multiplier 1.75, cost saving 1500.00 per contact,\n")
                .append("  quarterly thresholds 4/35 sessions, half-year 8/70, impact summaries on, modules\n")
                .append("  achievements-gamification and wrapped. About three quarters of the mentors.\n")
                .append("- `").append(secondOrgId).append("` ").append(DemoDataGenerator.NORDSJO.name())
                .append(": Europe/London, platform defaults for rate, currency, multiplier\n")
                .append("  and quarterly thresholds, cost saving 900.00, half-year thresholds 5/90, impact summaries off\n")
                .append("  (so no annual or impact summaries there, periodic ones only), no modules.\n\n")
                .append("## What is in it\n\n")
                .append("- Seasons: a summer dip (July), a December dip (from the 20th), busy autumns, fewer weekend\n")
                .append("  activities, and a national peer-mentor week (ISO week 38) with more activity.\n")
                .append("- Mentor profiles: most normal; about 8% underactive, 7% overloaded, 3% sporadic (too little data\n")
                .append("  for a Wrapped: the encouragement sequence); bursts of a few busy weeks; new mentors starting\n")
                .append("  during the period; paused and inactive mentors; some without `started_on`.\n")
                .append("- Up to 5 local associations per mentor; coordinators with 2-3 associations in scope; the first\n")
                .append("  coordinator of Fjordlys is also a peer mentor.\n")
                .append("- Pending, flagged and rejected activities (more pending in the last 45 days); events with\n")
                .append("  registered attendance, no-shows and walk-ins (`registered=false`, `attended=true`); events\n")
                .append("  organised by coordinators and by peer mentors; assignments with honorarium.\n")
                .append("- For the funder report (`FUNDER_REPORT.md`), in the first organisation's last closed year:\n")
                .append("  group sessions of several contacts on one event (some too short, some with too few\n")
                .append("  participants), a two-day peer-support course and a course day with too few people, a type\n")
                .append("  with no funder category (`memory_cafe`), stands (`not_counted`) and visits logged before a new\n")
                .append("  mentor's start, so `report funder --year " + spec.lastYear() + "` shows every reason.\n\n")
                .append("## Rows\n\n");
        rows.forEach((f, n) -> b.append("- `").append(f).append("`: ").append(n).append('\n'));
        b.append("\n## Ids to try\n\n");
        samples.forEach((k, v) -> b.append("- ").append(k).append(": `").append(v).append("`\n"));
        return b.toString();
    }
}

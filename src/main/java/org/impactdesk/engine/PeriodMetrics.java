package org.impactdesk.engine;

import java.math.BigDecimal;
import java.util.List;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.Period;
/** Every metric of METRICS.md for one mentor and one period (percentile and money aside). */
public record PeriodMetrics(
        Period period,
        int activities,
        long minutes,
        BigDecimal hours,
        int contacts,
        int eventsAttended,
        BigDecimal travelKm,
        List<TypeStat> typeBreakdown,
        List<MonthStat> monthly,
        Integer busiestMonth,
        String topActivityType,
        List<ContactStat> topContacts,
        Streaks streaks,
        BigDecimal avgSessionMinutes,
        int newContacts,
        int returningContacts,
        int assignmentsCompleted,
        List<Milestone> milestones,
        List<MentorHistory.Award> awards) {

    public static final int SUFFICIENT_ACTIVITIES = 5;
    public static final BigDecimal SUFFICIENT_HOURS = new BigDecimal("3.00");

    /** At least 5 activities and 3.00 hours. */
    public boolean dataSufficient() {
        return activities >= SUFFICIENT_ACTIVITIES && hours.compareTo(SUFFICIENT_HOURS) >= 0;
    }

    /** Per activity type: count desc, then key asc. */
    public record TypeStat(String typeKey, int count, long minutes, BigDecimal hours) {
    }

    /** One month of the period (1-12). */
    public record MonthStat(int month, int activities, BigDecimal hours) {
    }

    /** A top contact: interactions desc, then contact id. Only its label may leave the app. */
    public record ContactStat(String contactId, int interactions) {
    }
}

package org.impactdesk.funder;

import java.util.Map;
import java.util.Optional;
import org.impactdesk.domain.FunderCategory;

/** The default category of the well-known activity type keys (FUNDER_REPORT.md, Categories). */
public final class FunderDefaults {
    private static final Map<String, FunderCategory> BY_KEY = Map.ofEntries(
            Map.entry("home_visit", FunderCategory.INDIVIDUAL),
            Map.entry("cafe_meeting", FunderCategory.INDIVIDUAL),
            Map.entry("walk_and_talk", FunderCategory.INDIVIDUAL),
            Map.entry("accompaniment", FunderCategory.INDIVIDUAL),
            Map.entry("support_group", FunderCategory.GROUP),
            Map.entry("group_gathering", FunderCategory.GROUP),
            Map.entry("course", FunderCategory.COURSE),
            Map.entry("peer_course", FunderCategory.COURSE),
            Map.entry("phone_support", FunderCategory.CONTACT_SERVICE),
            Map.entry("digital_meeting", FunderCategory.CONTACT_SERVICE),
            Map.entry("chat_support", FunderCategory.CONTACT_SERVICE),
            Map.entry("board_meeting", FunderCategory.NOT_COUNTED),
            Map.entry("annual_meeting", FunderCategory.NOT_COUNTED),
            Map.entry("stand", FunderCategory.NOT_COUNTED));

    private FunderDefaults() {
    }

    public static Optional<FunderCategory> byKey(String activityType) {
        return Optional.ofNullable(BY_KEY.get(activityType));
    }

    /**
     * The category of a type, first that applies: the organisation's choice, the platform's
     * default from activity_types.csv, the default by key; empty when none applies.
     */
    public static Optional<FunderCategory> resolve(String activityType, FunderCategory organisationChoice,
                                                   FunderCategory platformDefault) {
        if (organisationChoice != null) {
            return Optional.of(organisationChoice);
        }
        if (platformDefault != null) {
            return Optional.of(platformDefault);
        }
        return byKey(activityType);
    }
}

package org.impactdesk.service.funder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.FunderType;
import org.impactdesk.funder.FunderDefaults;
import org.impactdesk.store.FunderDao;

/** {@link FunderSettingsService} over the database: admins of the organisation (a global admin any). */
public final class StoredFunderSettingsService implements FunderSettingsService {
    private final FunderDao funder;

    public StoredFunderSettingsService(FunderDao funder) {
        this.funder = funder;
    }

    private static void checkAdmin(Actor actor, String organizationId) {
        boolean allowed = actor.isGlobalAdmin()
                || (actor.isAdmin() && organizationId != null && organizationId.equals(actor.organizationId()));
        if (!allowed) {
            throw new FunderRefusedException("Only an administrator of " + organizationId + " may change its funder settings.");
        }
    }

    @Override
    public List<FunderType> types(Actor actor, String organizationId) {
        FunderSettings s = settings(actor, organizationId);
        Map<String, FunderDao.TypeRow> types = funder.activityTypes();
        Map<String, FunderCategory> effective = FunderCategories.resolve(s, types, List.of());
        List<FunderType> out = new ArrayList<>();
        types.forEach((k, t) -> out.add(new FunderType(t.name(), t.platformDefault(),
                FunderDefaults.resolve(k, null, t.platformDefault()).orElse(null), effective.get(k))));
        return out;
    }

    @Override
    public FunderSettings settings(Actor actor, String organizationId) {
        checkAdmin(actor, organizationId);
        return funder.settings(organizationId)
                .orElseThrow(() -> new FunderNotFoundException("No organisation with id " + organizationId + "."));
    }

    @Override
    public void save(Actor actor, FunderSettings settings) {
        checkAdmin(actor, settings.organizationId());
        validate(settings, funder.activityTypes().keySet());
        if (!funder.saveSettings(settings)) {
            throw new FunderNotFoundException("No organisation with id " + settings.organizationId() + ".");
        }
    }

    /**
     * The checks a save makes before writing (also when Settings saves these with the rest of the
     * organisation's settings): each rule value within its bounds, each choice for a known activity
     * type. IllegalArgumentException naming the first value that is wrong.
     */
    public static void validate(FunderSettings settings, Set<String> activityTypes) {
        check("group_min_participants", settings.groupMinParticipants(), 1000);
        check("group_min_minutes", settings.groupMinMinutes(), 1440);
        check("course_min_people", settings.courseMinPeople(), 1000);
        check("course_min_minutes", settings.courseMinMinutes(), 1440);
        for (String key : settings.choices().keySet()) {
            if (!activityTypes.contains(key)) {
                throw new IllegalArgumentException("No activity type with key " + key + ".");
            }
        }
    }

    private static void check(String name, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", not " + value + ".");
        }
    }
}

package org.impactdesk.service.funder;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.funder.FunderDefaults;
import org.impactdesk.store.FunderDao;

/** The category of every type an organisation's report may meet, by the spec's precedence. */
final class FunderCategories {
    private FunderCategories() {
    }

    static Map<String, FunderCategory> resolve(FunderSettings settings, Map<String, FunderDao.TypeRow> types,
                                               Collection<String> moreKeys) {
        Set<String> keys = new TreeSet<>(types.keySet());
        keys.addAll(moreKeys);
        Map<String, FunderCategory> m = new HashMap<>();
        for (String key : keys) {
            FunderDao.TypeRow t = types.get(key);
            FunderDefaults.resolve(key, settings.choices().get(key), t == null ? null : t.platformDefault())
                    .ifPresent(c -> m.put(key, c));
        }
        return m;
    }

    static FunderRules rules(FunderSettings settings, Map<String, FunderDao.TypeRow> types, Collection<FunderActivity> rows) {
        Set<String> seen = new TreeSet<>();
        for (FunderActivity a : rows) {
            seen.add(a.activityType());
        }
        return settings.rules(resolve(settings, types, seen));
    }
}

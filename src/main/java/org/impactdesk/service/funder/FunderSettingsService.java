package org.impactdesk.service.funder;

import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.FunderType;

/** The funder settings of an organisation (Settings screen): admins of the organisation only. */
public interface FunderSettingsService {

    /** Every activity type with its platform default and the category the report would use now. */
    List<FunderType> types(Actor actor, String organizationId);

    FunderSettings settings(Actor actor, String organizationId);

    /** Saves; {@link FunderRefusedException} for a non-admin, IllegalArgumentException for bad values. */
    void save(Actor actor, FunderSettings settings);
}

package org.impactdesk.service.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;

/**
 * Organisation settings for the Settings screen: admins only (a global admin every organisation,
 * an org admin their own). The Settings ViewModel takes this; the database-backed one is
 * {@link StoredSettingsService}.
 */
public interface SettingsService {

    /** The organisations the actor may edit, ordered by id (empty for non-admins). */
    List<OrganizationSettings> editable(Actor actor);

    /** The modules enabled for the organisation; {@link SettingsRefusedException} for an actor who may not edit it. */
    List<String> enabledModules(Actor actor, String organizationId);

    /** Every module id known anywhere. */
    List<String> knownModules();

    /** Saves settings and modules; refuses ({@link SettingsRefusedException}) an actor who may not edit the organisation. */
    default void save(Actor actor, OrganizationSettings settings, Set<String> modules) {
        save(actor, settings, modules, null);
    }

    /**
     * Saves settings, modules and, when {@code funder} is not null, the organisation's funder report
     * settings, in one transaction: all of it, or on any failure none of it. Refuses
     * ({@link SettingsRefusedException}) an actor who may not edit the organisation;
     * IllegalArgumentException for a funder value out of bounds or a choice for an unknown type.
     */
    void save(Actor actor, OrganizationSettings settings, Set<String> modules, FunderSettings funder);

    /** The database in use: the H2 file ({@code <path>.mv.db}), or the PostgreSQL server and database. */
    org.impactdesk.domain.DatabaseLocation database();
}

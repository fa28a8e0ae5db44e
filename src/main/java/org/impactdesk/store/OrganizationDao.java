package org.impactdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Organisations and their summary settings (NULL = platform default, see OrganizationSettings). */
public final class OrganizationDao {
    private static final String SELECT = """
            SELECT id, name, time_zone, hourly_rate, currency, social_value_multiplier, cost_saving_per_contact,
                   quarterly_underactive_sessions, quarterly_overloaded_sessions,
                   half_year_underactive_sessions, half_year_overloaded_sessions, impact_summary_enabled
            FROM organizations""";

    private final Jdbi jdbi;

    public OrganizationDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<OrganizationSettings> find(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id").bind("id", organizationId)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** Every organisation, ordered by id. */
    public List<OrganizationSettings> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY id").map((rs, ctx) -> map(rs)).list());
    }

    /**
     * Saves an organisation's settings and its enabled modules in one transaction (the Settings
     * screen). NULL fields mean "platform default". The schema's CHECK constraints refuse what
     * validation missed. Returns false when no organisation has the id.
     */
    public boolean updateSettings(OrganizationSettings s, Set<String> enabledModules) {
        return updateSettings(s, enabledModules, null);
    }

    /**
     * As {@link #updateSettings(OrganizationSettings, Set)}, and, when {@code funder} is not null, the
     * organisation's funder report settings ({@link FunderDao#saveSettings(Handle, FunderSettings)}),
     * all in one transaction: a failure anywhere (a CHECK, a foreign key, the connection) leaves
     * every one of them as it was.
     */
    public boolean updateSettings(OrganizationSettings s, Set<String> enabledModules, FunderSettings funder) {
        if (funder != null && !funder.organizationId().equals(s.id())) {
            throw new IllegalArgumentException("The funder settings of " + funder.organizationId()
                    + " cannot be saved with the settings of " + s.id() + ".");
        }
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                    UPDATE organizations SET hourly_rate = :rate, currency = :currency,
                        social_value_multiplier = :multiplier, cost_saving_per_contact = :saving,
                        quarterly_underactive_sessions = :qu, quarterly_overloaded_sessions = :qo,
                        half_year_underactive_sessions = :hu, half_year_overloaded_sessions = :ho,
                        impact_summary_enabled = :impact, updated_at = CURRENT_TIMESTAMP
                    WHERE id = :id""")
                    .bind("rate", s.hourlyRate()).bind("currency", s.currency())
                    .bind("multiplier", s.socialValueMultiplier()).bind("saving", s.costSavingPerContact())
                    .bind("qu", s.quarterlyUnderactiveSessions()).bind("qo", s.quarterlyOverloadedSessions())
                    .bind("hu", s.halfYearUnderactiveSessions()).bind("ho", s.halfYearOverloadedSessions())
                    .bind("impact", s.impactSummaryEnabled()).bind("id", s.id())
                    .execute();
            if (n == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM organization_modules WHERE organization_id = :id").bind("id", s.id()).execute();
            for (String module : new TreeSet<>(enabledModules)) {
                h.createUpdate("INSERT INTO organization_modules (organization_id, module) VALUES (:id, :m)")
                        .bind("id", s.id()).bind("m", module).execute();
            }
            if (funder != null) {
                FunderDao.saveSettings(h, funder);
            }
            return true;
        });
    }

    /** The modules enabled for an organisation, sorted. */
    public List<String> enabledModules(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT module FROM organization_modules WHERE organization_id = :id ORDER BY module")
                .bind("id", organizationId).mapTo(String.class).list());
    }

    /** Every module id the database knows of: enabled anywhere or required by an achievement, sorted. */
    public List<String> knownModules() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT module FROM organization_modules
                UNION SELECT requires_module FROM achievements WHERE requires_module IS NOT NULL
                ORDER BY 1""").mapTo(String.class).list());
    }

    static OrganizationSettings map(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        return new OrganizationSettings(rs.getString("id"), rs.getString("name"),
                zone == null || zone.isBlank() ? OrganizationSettings.DEFAULT_ZONE : ZoneId.of(zone),
                rs.getBigDecimal("hourly_rate"), rs.getString("currency"), rs.getBigDecimal("social_value_multiplier"),
                rs.getBigDecimal("cost_saving_per_contact"),
                integer(rs, "quarterly_underactive_sessions"), integer(rs, "quarterly_overloaded_sessions"),
                integer(rs, "half_year_underactive_sessions"), integer(rs, "half_year_overloaded_sessions"),
                (Boolean) rs.getObject("impact_summary_enabled"));
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}

package org.impactdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.impactdesk.domain.OrganizationSettings;
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

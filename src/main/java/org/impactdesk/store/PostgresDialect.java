package org.impactdesk.store;

import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * What the shared SQL needs on PostgreSQL that it does not on H2: H2's optimiser hints
 * ({@code USE INDEX (...)}, which a few generation and Team queries give H2's planner) mean nothing
 * to PostgreSQL, whose planner picks the same indexes from its statistics, and are removed. Every
 * other statement is written in SQL both engines run (standard MERGE, CAST, LIMIT), so this is the
 * only rewrite; Database installs it on a PostgreSQL database's Jdbi.
 */
final class PostgresDialect implements TemplateEngine {
    private static final Pattern USE_INDEX = Pattern.compile("(?i)\\bUSE\\s+INDEX\\s*\\([^)]*\\)");

    private final TemplateEngine rendering;

    PostgresDialect(TemplateEngine rendering) {
        this.rendering = rendering;
    }

    @Override
    public String render(String template, StatementContext ctx) {
        return translate(rendering.render(template, ctx));
    }

    /** {@code sql} as PostgreSQL runs it: without H2's index hints. */
    static String translate(String sql) {
        return sql.indexOf("INDEX") < 0 && sql.indexOf("index") < 0 ? sql : USE_INDEX.matcher(sql).replaceAll("");
    }
}

package org.impactdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The cheap check at every open of whether the schema is current (issue 17): the versions of the
 * migrations shipped on the class path against the database's Flyway history, without starting
 * Flyway. {@link Database} runs Flyway only when they differ.
 */
final class MigrationCheck {
    private MigrationCheck() {
    }

    /** {@code locations} with {@code {vendor}} replaced by the engine's folder name (h2, postgresql). */
    static List<String> locationsFor(Database.Engine engine, List<String> locations) {
        String vendor = engine == Database.Engine.H2 ? "h2" : "postgresql";
        return locations.stream().map(l -> l.replace("{vendor}", vendor)).toList();
    }

    /** Flyway's versioned SQL migrations by its default naming: {@code V<version>__<description>.sql}. */
    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    /** Whether the schema history holds exactly the shipped versioned migrations, every one successful. */
    static boolean schemaIsCurrent(Connection keepAlive, Database.Engine engine, List<String> migrationLocations) {
        java.util.Optional<java.util.Set<MigrationVersion>> shipped = shippedVersions(locationsFor(engine, migrationLocations));
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        java.util.Set<MigrationVersion> applied = new java.util.HashSet<>();
        try (Statement st = keepAlive.createStatement()) {
            try (var tables = keepAlive.getMetaData().getTables(null, keepAlive.getSchema(), "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (var rows = st.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
                while (rows.next()) {
                    String version = rows.getString(1);
                    String type = rows.getString(2);
                    if (!rows.getBoolean(3)) {
                        return false; // a failed migration: Flyway says what to do
                    }
                    if (version == null) {
                        if (!"TABLE".equals(type) && !"SCHEMA".equals(type)) {
                            return false; // a repeatable migration: Flyway decides whether it runs again
                        }
                        continue;
                    }
                    applied.add(MigrationVersion.fromVersion(version));
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return applied.equals(shipped.get());
    }

    /**
     * The versions of the versioned migrations in {@code classpath:} locations, from their file
     * names (in a folder or a jar); empty when a location cannot be listed this way or holds
     * anything but versioned SQL migrations (Flyway then checks everything itself).
     */
    static java.util.Optional<java.util.Set<MigrationVersion>> shippedVersions(List<String> migrationLocations) {
        java.util.Set<MigrationVersion> versions = new java.util.HashSet<>();
        ClassLoader loader = MigrationCheck.class.getClassLoader();
        for (String location : migrationLocations) {
            if (!location.startsWith("classpath:")) {
                return java.util.Optional.empty();
            }
            String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
            List<String> names = new java.util.ArrayList<>();
            try {
                var urls = loader.getResources(folder);
                if (!urls.hasMoreElements()) {
                    if (folder.startsWith("db/vendor/")) {
                        continue; // an engine without migrations of its own
                    }
                    return java.util.Optional.empty();
                }
                while (urls.hasMoreElements()) {
                    java.net.URL url = urls.nextElement();
                    if ("file".equals(url.getProtocol())) {
                        try (var files = Files.list(Path.of(url.toURI()))) {
                            files.forEach(f -> names.add(f.getFileName().toString()));
                        }
                    } else if ("jar".equals(url.getProtocol())) {
                        var connection = (java.net.JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        try (var jar = connection.getJarFile()) {
                            String prefix = folder + "/";
                            jar.stream().map(java.util.jar.JarEntry::getName)
                                    .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                                    .map(n -> n.substring(prefix.length()))
                                    .forEach(names::add);
                        }
                    } else {
                        return java.util.Optional.empty();
                    }
                }
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return java.util.Optional.empty();
            }
            for (String name : names) {
                java.util.regex.Matcher m = VERSIONED.matcher(name);
                if (name.endsWith("/")) {
                    continue;
                }
                if (!m.matches()) {
                    return java.util.Optional.empty();
                }
                versions.add(MigrationVersion.fromVersion(m.group(1)));
            }
        }
        return java.util.Optional.of(versions);
    }
}

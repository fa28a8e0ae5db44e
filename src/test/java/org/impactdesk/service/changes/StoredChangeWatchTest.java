package org.impactdesk.service.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change log on an H2 file: an import that changes rows logs one change, by whom, from this open
 * database, which is therefore no news to its own window; an import that changes nothing logs none.
 */
class StoredChangeWatchTest {

    @Test
    void anImportLogsOneChangeThatItsOwnWindowDoesNotCallElsewhereAndAnUnchangedOneLogsNone(@TempDir Path dir) {
        try (Services s = new Services(Database.open(dir.resolve("db")))) {
            long before = s.changes.newest();
            ImportReport first = s.importer.importBundle(ExampleBundleFixture.BUNDLE, null, null, null);
            assertThat(first.outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
            List<String> logged = s.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT what || ' ' || changed_by || ' ' || origin FROM data_changes").mapTo(String.class).list());
            assertThat(logged).containsExactly("import " + StoredChangeWatch.nameOf(null) + " " + s.database.origin());
            assertThat(s.changes.newest()).isGreaterThan(before);
            assertThat(s.changes.changedElsewhereAfter(before, null)).as("this database's own import").isEmpty();

            long seen = s.changes.newest();
            ImportReport again = s.importer.importBundle(ExampleBundleFixture.BUNDLE, null, null, null);
            assertThat(again.inserted() + again.updated() + again.removed()).isZero();
            assertThat(s.changes.newest()).as("nothing changed, nothing logged").isEqualTo(seen);
        }
    }
}

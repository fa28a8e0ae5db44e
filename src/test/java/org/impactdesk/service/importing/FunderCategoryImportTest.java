package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional funder_category column of activity_types.csv (EXPORT_FORMAT.md, FUNDER_REPORT.md). */
@MigratedH2
class FunderCategoryImportTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open(Database db) {
        this.db = db;
    }

    List<String> categories() {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id || '=' || COALESCE(funder_category, '-') FROM activity_types ORDER BY id").mapTo(String.class).list());
    }

    @Test
    void theColumnIsReadAndABundleWithoutItKeepsTheStoredValues() throws Exception {
        Path b = SyncFixture.exampleCopy(dir.resolve("b1"));
        SyncFixture.write(b.resolve("activity_types.csv"), "id,name,name_nb,funder_category\n"
                + "cafe_meeting,Café meeting,Kafémøte,individual\n"
                + "phone_support,Phone support,Telefonstøtte,\n"
                + "support_group,Support group,Likepersonsgruppe,COURSE\n");
        ImportReport r = SyncFixture.importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(categories()).contains("cafe_meeting=individual", "phone_support=-", "support_group=course");

        // an old bundle without the column is valid and changes no category
        Path old = SyncFixture.exampleCopy(dir.resolve("b2"));
        SyncFixture.write(old.resolve("activity_types.csv"), "id,name,name_nb\n"
                + "cafe_meeting,Café meeting,Kafémøte\nsupport_group,Support group,Likepersonsgruppe\n");
        ImportReport again = SyncFixture.importAll(db, old);
        assertThat(again.errors()).isEmpty();
        assertThat(categories()).contains("cafe_meeting=individual", "support_group=course");
    }

    @Test
    void aValueOutsideTheCategoriesIsRejectedWithWhereAndWhat() throws Exception {
        Path b = SyncFixture.exampleCopy(dir.resolve("b"));
        SyncFixture.write(b.resolve("activity_types.csv"), "id,name,name_nb,funder_category\n"
                + "cafe_meeting,Café meeting,Kafémøte,individual\n"
                + "knitting,Knitting,Strikking,hobby\n");
        ImportReport r = SyncFixture.importValid(db, b);
        assertThat(r.errors()).extracting(ImportReport::describe).singleElement().asString()
                .contains("activity_types.csv line 3, funder_category", "\"hobby\" is not one of", "contact_service");
    }
}

package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The funder report's covering index (V94, issue 15): the report's query reads the organisation-year
 * from it alone, and the sync's bulk load, which drops the activities' keys and indexes, builds it again.
 */
@MigratedH2
class FunderIndexTest {

    @Test
    void theReportsQueryReadsOnlyTheCoveringIndex(Database db) {
        Assumptions.assumeTrue(db.engine() == Database.Engine.H2, "the plan below is H2's");
        String plan = db.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + FunderDao.ACTIVITIES)
                .bind("org", "org-1").bind("from", Instant.parse("2025-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .bind("to", Instant.parse("2026-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .mapTo(String.class).one());
        assertThat(plan).as("the organisation-year as a range of the index, not a scan of the table")
                .contains("IDX_ACTIVITIES_ORG_TIME: ").doesNotContain("tableScan");
        assertThat(plan.substring(plan.indexOf("IDX_ACTIVITIES_ORG_TIME")))
                .contains("ORGANIZATION_ID = ?1").contains("STARTED_AT >= ?2").contains("STARTED_AT < ?3");
        // covering: every selected column is one of the index's (H2 then never reads the table's row)
        for (String column : FunderDao.ACTIVITIES.substring(6, FunderDao.ACTIVITIES.indexOf("FROM")).split(",")) {
            assertThat(SyncStore.FUNDER_INDEX_COLUMNS).as("index column").contains(column.strip());
        }
    }

    @Test
    void theBulkLoadsDroppedIndexComesBack(Database db) throws Exception {
        Assumptions.assumeTrue(db.engine() == Database.Engine.H2, "only H2's bulk load drops the indexes");
        db.jdbi().useHandle(h -> new SyncStore(h.getConnection()).dropActivityKeys());
        assertThat(indexes(db)).doesNotContain("idx_activities_org_time");
        db.jdbi().useHandle(h -> SyncStore.restoreActivityKeys(h.getConnection()));
        assertThat(indexes(db)).contains("idx_activities_org_time", "idx_activities_mentor");
    }

    private static java.util.List<String> indexes(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT DISTINCT LOWER(index_name) FROM information_schema.indexes
                        WHERE table_schema = 'PUBLIC' AND table_name = 'ACTIVITIES'""")
                .mapTo(String.class).list());
    }
}

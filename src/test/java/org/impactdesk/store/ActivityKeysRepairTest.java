package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync bulk-loads an empty activities table without its primary key and index; if the process
 * dies before they are back, the next open rebuilds them (and duplicates stay impossible).
 */
class ActivityKeysRepairTest {
    @TempDir
    Path dir;

    @Test
    void missingActivityKeysAreRebuiltWhenTheDatabaseOpens() throws Exception {
        Path path = dir.resolve("db");
        try (Database db = Database.open(path)) {
            db.jdbi().useHandle(h -> new SyncStore(h.getConnection()).dropActivityKeys());
            boolean present = db.jdbi().withHandle(h -> ActivityKeys.present(h.getConnection()));
            assertThat(present).isFalse();
        }
        try (Database db = Database.open(path)) {
            boolean present = db.jdbi().withHandle(h -> ActivityKeys.present(h.getConnection()));
            assertThat(present).isTrue();
            db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at,
                      duration_minutes, approval_status) VALUES ('a', 'o', 'l', 'p', 't', CURRENT_TIMESTAMP, 10, 'approved')"""));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at,
                      duration_minutes, approval_status) VALUES ('a', 'o', 'l', 'p', 't', CURRENT_TIMESTAMP, 10, 'approved')""")))
                    .hasMessageContaining("PK_ACTIVITIES");
        }
    }
}

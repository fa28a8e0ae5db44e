package org.impactdesk.service.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void theReExportChangesExactlyOnePercentOfRowsInDurationOrApprovalOnly() throws Exception {
        DemoDataGenerator.write(DemoSpec.bench(30_000, 3, 42), tmp.resolve("b"));
        Path in = tmp.resolve("b/activities.csv");
        Path out = tmp.resolve("changed.csv");
        Benchmark.ChangeCount cc = Benchmark.changeOnePercent(in, out, 300);
        assertThat(cc.rows()).isEqualTo(300);
        List<String> before = Files.readAllLines(in);
        List<String> after = Files.readAllLines(out);
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        Set<String> mentors = new HashSet<>();
        for (int i = 1; i < before.size(); i++) {
            String[] a = before.get(i).split(",", -1);
            String[] b = after.get(i).split(",", -1);
            if (!before.get(i).equals(after.get(i))) {
                changed++;
                mentors.add(a[3]);
                boolean duration = !a[6].equals(b[6]);
                boolean approval = !a[8].equals(b[8]);
                assertThat(duration ^ approval).isTrue();
                for (int f = 0; f < a.length; f++) {
                    if (f != 6 && f != 8) {
                        assertThat(b[f]).isEqualTo(a[f]);
                    }
                }
            }
        }
        assertThat(changed).isEqualTo(300);
        assertThat((long) mentors.size()).isEqualTo(cc.mentors());
    }

    @Test
    void baselinesLoadAndParseTheSameFile() throws Exception {
        DemoDataGenerator.write(DemoSpec.bench(2_000, 3, 1), tmp.resolve("b"));
        Path csv = tmp.resolve("b/activities.csv");
        assertThat(Benchmark.parseFloor(csv)).isPositive();
        assertThat(Benchmark.csvreadBaseline(csv, tmp.resolve("csvread"))).isPositive();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("csvread").toAbsolutePath(), "sa", "");
             var rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*), COUNT(contact_id), COUNT(travel_km), SUM(duration_minutes) FROM activities")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2_000);
            assertThat(rs.getLong(2)).isBetween(1L, 1_999L);  // empty fields became NULL
            assertThat(rs.getLong(3)).isBetween(1L, 1_999L);
            assertThat(rs.getLong(4)).isPositive();
        }
    }
}

package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MigratedH2
class ShareCommandTest {
    @TempDir
    Path tmp;
    Path dbPath;

    @BeforeEach
    void data(FreshDatabases fresh) {
        dbPath = fresh.file("share-db", db -> {
            WrappedFixtures.people(db);
            WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
            WrappedFixtures.summary(db, WrappedFixtures.OTHER_MENTOR, 2025, "insufficient",
                    WrappedFixtures.resource("payload-encouragement-2025.json"));
        });
    }

    private int run(String... args) {
        return CliRun.onDatabase(dbPath, args).code();
    }

    @Test
    void writesBothCardsAndCounts() throws Exception {
        Path png = tmp.resolve("card.png");
        Path pdf = tmp.resolve("card.pdf");
        assertThat(run("--lang", "nb", "share", "--mentor", WrappedFixtures.MENTOR, "--year", "2025",
                "--png", png.toString(), "--pdf", pdf.toString())).isEqualTo(ExitCode.DONE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1920);
        assertThat(pdf).isNotEmptyFile();
        try (Database db = Database.open(dbPath)) {
            int count = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT shared_count FROM annual_summaries WHERE peer_mentor_id = 'pm-mira'").mapTo(Integer.class).one());
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void exitCodesFollowCliMd() {
        Path png = tmp.resolve("x.png");
        assertThat(run("share", "--mentor", WrappedFixtures.OTHER_MENTOR, "--year", "2025", "--png", png.toString()))
                .as("insufficient: refused").isEqualTo(ExitCode.REFUSED);
        assertThat(run("share", "--mentor", "pm-nobody", "--year", "2025", "--png", png.toString()))
                .as("no such summary").isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run("--as", "user-kim", "share", "--mentor", WrappedFixtures.MENTOR, "--year", "2025", "--png", png.toString()))
                .as("outside the coordinator's scope").isEqualTo(ExitCode.NOT_FOUND);
        assertThat(run("share", "--mentor", WrappedFixtures.MENTOR, "--year", "2025"))
                .as("no file named").isEqualTo(ExitCode.USAGE);
        assertThat(png).doesNotExist();
    }
}

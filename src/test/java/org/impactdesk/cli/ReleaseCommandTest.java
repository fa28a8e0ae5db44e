package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6: {@code release} and {@code show release} through CommandLineMain.run on the
 * worked example (CLI.md's scoping, exit codes and JSON): every ready Wrapped waits after
 * generation; admins release one, the previewed or all; a repeated release changes nothing;
 * others are refused (3), a mentor out of scope is not found (4), a missing choice is a usage error (2).
 */
@MigratedH2
class ReleaseCommandTest {
    Path db;

    CliRun.Result cli(String... args) {
        return CliRun.onDatabase(db, args);
    }

    @BeforeEach
    void load(FreshDatabases fresh) {
        db = fresh.file("release-db", ExampleBundleFixture::load);
        CliRun.Result r = cli("generate", "--year", "2025", "--period", "annual", "--as-of", "2026-01-10");
        assertThat(r.code()).as(r.err()).isZero();
    }

    private List<String> states(CliRun.Result r) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : r.json()) {
            out.add(n.get("peer_mentor_id").asText() + "=" + n.get("release_state").asText());
        }
        return out;
    }

    @Test
    void showReleaseListsEachSummaryWithCliMdsKeysAndStates() {
        CliRun.Result r = cli("show", "release", "--year", "2025", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json()).isNotEmpty();
        List<String> keys = new ArrayList<>();
        r.json().get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("peer_mentor_id", "user_id", "year", "status", "release_state", "previewed_at",
                "previewed_by", "released_at", "released_by", "held_reason");
        assertThat(states(r)).allMatch(s -> s.endsWith("=waiting"));
        // a coordinator sees their team's list, a peer mentor none
        assertThat(cli("--as", "user-kim", "show", "release", "--year", "2025", "--json").code()).isZero();
        assertThat(cli("--as", "user-mira", "show", "release", "--year", "2025", "--json").code()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void releaseOneThenAllAndAgainChangesNothing() {
        CliRun.Result one = cli("--as", "user-ada", "release", "--year", "2025", "--mentor", "pm-1", "--json");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.json().get("released").asInt()).isOne();
        CliRun.Result shown = cli("show", "release", "--year", "2025", "--json");
        assertThat(states(shown)).contains("pm-1=released");
        JsonNode pm1 = null;
        for (JsonNode n : shown.json()) {
            if (n.get("peer_mentor_id").asText().equals("pm-1")) {
                pm1 = n;
            }
        }
        assertThat(pm1.get("released_by").asText()).isEqualTo("user-ada");
        assertThat(pm1.get("released_at").asText()).isNotBlank();

        CliRun.Result all = cli("release", "--year", "2025", "--all", "--json");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.json().get("already_released").asInt()).isOne();
        int released = all.json().get("released").asInt();
        CliRun.Result again = cli("release", "--year", "2025", "--all", "--json");
        assertThat(again.json().get("released").asInt()).isZero();
        assertThat(again.json().get("already_released").asInt()).isEqualTo(released + 1);
        assertThat(again.json().get("notifications_sent").asInt()).isZero();
        assertThat(states(cli("show", "release", "--year", "2025", "--json")))
                .allMatch(s -> s.endsWith("=released") || s.endsWith("=waiting")); // waiting: not ready (insufficient)
    }

    @Test
    void refusedNotFoundAndUsage() {
        assertThat(cli("--as", "user-kim", "release", "--year", "2025", "--all").code()).isEqualTo(ExitCode.REFUSED);
        assertThat(cli("--as", "user-mira", "release", "--year", "2025", "--mentor", "pm-1").code()).isEqualTo(ExitCode.REFUSED);
        assertThat(cli("release", "--year", "2025", "--mentor", "pm-nobody").code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(cli("release", "--year", "2025").code()).isEqualTo(ExitCode.USAGE);
        assertThat(cli("release", "--year", "2025", "--all", "--previewed").code()).isEqualTo(ExitCode.USAGE);
        assertThat(states(cli("show", "release", "--year", "2025", "--json"))).allMatch(s -> s.endsWith("=waiting"));
    }
}

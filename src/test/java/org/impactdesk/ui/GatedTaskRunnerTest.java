package org.impactdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatedTaskRunnerTest {

    @Test
    void holdsResultsFailuresAndProgressUntilOpenedThenDeliversThemInOrderAndPassesLaterOnesStraightOn() {
        List<String> seen = new ArrayList<>();
        GatedTaskRunner gate = new GatedTaskRunner(new SameThreadTaskRunner());
        gate.run("a", p -> {
            p.update(1, 2, "half");
            return "A";
        }, new TaskRunner.Callbacks<String>(v -> seen.add("ok " + v), e -> seen.add("failed " + e.getMessage()),
                (f, m) -> seen.add("progress " + f + " " + m)));
        gate.run("b", p -> {
            throw new IllegalStateException("no data");
        }, TaskRunner.Callbacks.<String>of(v -> seen.add("ok " + v), e -> seen.add("failed " + e.getMessage())));
        assertThat(seen).isEmpty();
        assertThat(gate.isOpen()).isFalse();

        gate.open();
        assertThat(seen).containsExactly("progress 0.5 half", "ok A", "failed no data");

        gate.run("c", p -> "C", TaskRunner.Callbacks.<String>of(v -> seen.add("ok " + v), e -> { }));
        assertThat(seen).endsWith("ok C");
        assertThat(gate.isOpen()).isTrue();
    }
}

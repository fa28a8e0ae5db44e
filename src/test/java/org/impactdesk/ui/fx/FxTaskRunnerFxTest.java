package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the screen is told while a task runs: its last fraction with its last message. */
class FxTaskRunnerFxTest {

    @Test
    void aNewMessageWithTheSameFractionReachesTheScreenAndTheLastCallCarriesBothLastValues() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> shown = new CopyOnWriteArrayList<>();
        List<Double> fractions = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (FxTaskRunner tasks = new FxTaskRunner()) {
            java.util.Map<String, CountDownLatch> seen = new java.util.concurrent.ConcurrentHashMap<>();
            for (String m : List.of("Imported 32719 rows", "Generating summaries", "Generating 2025")) {
                seen.put(m, new CountDownLatch(1));
            }
            tasks.run("steps", p -> {
                // each step waits until the screen was told of it (Task merges updates not yet landed)
                p.update(1, 1, "Imported 32719 rows");
                seen.get("Imported 32719 rows").await(10, TimeUnit.SECONDS);
                p.update(0, 1, "Generating summaries"); // fraction back to 0, new text
                seen.get("Generating summaries").await(10, TimeUnit.SECONDS);
                p.update(0, 1, "Generating 2025"); // same fraction, new text
                seen.get("Generating 2025").await(10, TimeUnit.SECONDS);
                return "ok";
            }, new TaskRunner.Callbacks<String>(r -> done.countDown(), e -> done.countDown(), (fraction, message) -> {
                fractions.add(fraction);
                shown.add(message);
                if (message != null && seen.containsKey(message)) {
                    seen.get(message).countDown();
                }
            }));
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(shown).contains("Imported 32719 rows", "Generating summaries", "Generating 2025");
        assertThat(shown.get(shown.size() - 1)).isEqualTo("Generating 2025");
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(0.0);
    }
}

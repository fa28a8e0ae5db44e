package org.impactdesk.ui.fx;

import java.util.ArrayList;
import java.util.List;

/**
 * A task runner for ViewModel tests that holds every task until the test lands it: what a screen
 * starts before any result is in (work that runs side by side) can then be told from what it starts
 * after a result landed (work that waits).
 */
public final class HeldTaskRunner implements TaskRunner {
    private final List<String> started = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private final List<String> heldNames = new ArrayList<>();

    @Override
    public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
        started.add(name);
        heldNames.add(name);
        held.add(() -> {
            T value;
            try {
                value = work.run(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
            } catch (Exception e) {
                callbacks.onFailure().accept(e);
                return;
            }
            callbacks.onSuccess().accept(value);
        });
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isRunning() {
                return true;
            }
        };
    }

    /** The names of the tasks started so far, in order. */
    public List<String> started() {
        return List.copyOf(started);
    }

    /** Runs and lands every task held (and those they start), in the order they were started. */
    public void landAll() {
        while (!held.isEmpty()) {
            heldNames.remove(0);
            held.remove(0).run();
        }
    }

    /** Runs and lands the first task held of that name, leaving the others held. */
    public void land(String name) {
        int i = heldNames.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no task " + name + " is held: " + heldNames);
        }
        heldNames.remove(i);
        held.remove(i).run();
    }
}

package org.impactdesk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TaskRunner} whose callbacks wait until it is opened. A screen built off the FX thread
 * starts its loads at once through one of these, but their results (which touch its nodes) land
 * only after the screen is attached to the live scene: never while a worker is still styling the
 * nodes in a throwaway scene. Once open it passes every callback straight on.
 */
public final class GatedTaskRunner implements TaskRunner {
    private final TaskRunner delegate;
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    public GatedTaskRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
        return delegate.run(name, work, new Callbacks<>(
                value -> deliver(() -> callbacks.onSuccess().accept(value)),
                failure -> deliver(() -> callbacks.onFailure().accept(failure)),
                (fraction, message) -> deliver(() -> callbacks.onProgress().progress(fraction, message))));
    }

    private void deliver(Runnable callback) {
        synchronized (held) {
            if (!open) {
                held.add(callback);
                return;
            }
        }
        callback.run();
    }

    /** Delivers the held callbacks in the order they came and passes all later ones straight on. */
    public void open() {
        List<Runnable> now;
        synchronized (held) {
            open = true;
            now = List.copyOf(held);
            held.clear();
        }
        now.forEach(Runnable::run);
    }

    public boolean isOpen() {
        synchronized (held) {
            return open;
        }
    }
}

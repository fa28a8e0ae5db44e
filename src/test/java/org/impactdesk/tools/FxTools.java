package org.impactdesk.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** What the screenshot and benchmark tools share: waiting for frames, reading an option, saving a scene as PNG. */
public final class FxTools {
    private FxTools() {
    }

    /** Runs {@code r} on the FX thread after {@code frames} pulses (so layout, CSS and animations have settled). */
    public static void afterFrames(int frames, Runnable r) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= frames) {
                    stop();
                    r.run();
                }
            }
        }.start();
    }

    /** The value after {@code name} in {@code args}, if there is one. */
    public static Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    /** Snapshots the scene (on the FX thread) into a PNG file, creating its folder; prints the path. */
    public static void savePng(Scene scene, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        System.out.println(file);
    }
}

package org.impactdesk.ui.wrapped;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Wrapped previewer's state: which mentor and year, the stored (or preview) payload as
 * slides, and the playback clock. The View drives {@link #tick(double)} from its animation
 * timer and draws what the properties say; tests drive the same commands without a toolkit.
 * Nothing here recomputes a metric: every figure is the payload's.
 */
public final class WrappedViewModel {
    /** Seconds a slide stays on screen at 1x, and how long its entrance animation lasts. */
    public static final double SLIDE_SECONDS = 5.0;
    public static final double ANIMATION_SECONDS = 1.4;

    public enum Speed {
        HALF(0.5), NORMAL(1.0), DOUBLE(2.0);

        public final double factor;

        Speed(double factor) {
            this.factor = factor;
        }

        @Override
        public String toString() {
            return (factor == 0.5 ? "0.5" : String.valueOf((int) factor)) + "x";
        }
    }

    private final WrappedSource source;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Actor actor;
    private final Locale locale;
    /** The screen's own texts, in the app's locale. */
    private final SlideContents ui;
    /** The slides' texts and numbers, in the slide language (the app's, unless the admin picks another). */
    private SlideContents contents;
    private final String bundleBase;
    private final ObjectProperty<Locale> slideLocale;
    private final IntSupplier currentYear;

    private final ObservableList<WrappedSource.MentorChoice> mentors = FXCollections.observableArrayList();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<WrappedSource.MentorChoice> mentor = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<SlidePayload> payload = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SlideContent> slides = FXCollections.observableArrayList();
    private final ObservableList<SlideContent> slidesView = FXCollections.unmodifiableObservableList(slides);
    private final ReadOnlyIntegerWrapper slideIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<SlideContent> slide = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper slideProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper animationProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper figureText = new ReadOnlyStringWrapper("");
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.NORMAL);
    private final ReadOnlyBooleanWrapper preview = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper encouragement = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shareable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lookerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WrappedSource.StoredWrapped> stored = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canNext;
    private final BooleanBinding canPrevious;
    private double elapsed;
    /** A mentor and year asked for by another screen ("Open Wrapped"), applied once the lists load. */
    private String pendingMentor;
    private Integer pendingYear;
    private final Names names;
    private final ResourceBundle bundle;
    /** What the mentor list shows for each mentor (by id): the name, told apart from the same name. */
    private java.util.Map<String, String> labels = java.util.Map.of();

    public WrappedViewModel(WrappedSource source, TaskRunner runner, DialogService dialogs, Actor actor,
                            Locale locale, ResourceBundle bundle, IntSupplier currentYear) {
        this.source = source;
        this.runner = runner;
        this.dialogs = dialogs;
        this.actor = actor;
        this.locale = locale;
        this.currentYear = currentYear;
        this.ui = new SlideContents(locale, bundle);
        this.contents = ui;
        this.bundle = bundle;
        this.names = new Names(bundle);
        this.bundleBase = bundle.getBaseBundleName();
        this.slideLocale = new SimpleObjectProperty<>(locale);
        slideLocale.addListener((obs, old, now) -> relocalise(now));
        canNext = Bindings.createBooleanBinding(() -> slideIndex.get() >= 0 && slideIndex.get() < slides.size() - 1,
                slideIndex, slides);
        canPrevious = Bindings.createBooleanBinding(() -> slideIndex.get() > 0, slideIndex);
        mentor.addListener((obs, old, now) -> loadYears());
        year.addListener((obs, old, now) -> {
            if (showFirstChoice && now != null && mentor.get() != null) {
                showFirstChoice = false;
                load();
            }
        });
        lookerText.set(ui.text(actor.isAdmin() ? "wrapped.player.looker.admin" : actor.peerMentorId() != null
                ? "wrapped.player.looker.mentor" : "wrapped.player.looker.other", actor.displayName()));
    }

    // ---- choosing ---------------------------------------------------------------------------

    /**
     * A visit of the screen (every time the shell shows it). {@code peerMentorId} (null: keep what
     * is shown) opens that mentor's Wrapped for {@code wantedYear} (null: last year). The first
     * visit without one lists the mentors and plays the first choice (the actor's own profile, or
     * the first mentor, at their latest year) at once; later choices wait for Show.
     */
    public void visit(String peerMentorId, Integer wantedYear) {
        boolean first = !visited;
        visited = true;
        if (peerMentorId != null) {
            open(peerMentorId, wantedYear != null ? wantedYear : currentYear.getAsInt() - 1);
        } else if (first) {
            showFirstChoice = true;
            loadMentors();
        }
    }

    /** The screen has been visited. */
    private boolean visited;
    /** Until the first mentor and year are chosen on the first visit: play them at once. */
    private boolean showFirstChoice;

    /** Lists the mentors the actor may see (and picks the first, or the actor's own profile). */
    public void loadMentors() {
        busy.set(true);
        runner.run("wrapped-mentors", p -> names.sorted(source.mentors(actor), WrappedSource.MentorChoice::displayName,
                WrappedSource.MentorChoice::peerMentorId), TaskRunner.Callbacks.of(list -> {
            busy.set(false);
            labels = names.labels(list, WrappedSource.MentorChoice::displayName, WrappedSource.MentorChoice::associationName,
                    WrappedSource.MentorChoice::peerMentorId);
            mentors.setAll(list);
            if (list.isEmpty()) {
                message.set(ui.text("wrapped.player.noMentors"));
                return;
            }
            String wanted = pendingMentor != null ? pendingMentor : actor.peerMentorId();
            WrappedSource.MentorChoice choice = list.stream().filter(m -> m.peerMentorId().equals(wanted)).findFirst()
                    .orElse(list.get(0));
            if (choice.equals(mentor.get())) {
                loadYears();
            } else {
                mentor.set(choice);
            }
        }, this::failed));
    }

    private void loadYears() {
        WrappedSource.MentorChoice m = mentor.get();
        if (m == null) {
            years.clear();
            return;
        }
        runner.run("wrapped-years", p -> source.years(m.peerMentorId(), actor), TaskRunner.Callbacks.of(list -> {
            java.util.TreeSet<Integer> all = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
            all.addAll(list);
            all.add(currentYear.getAsInt());
            years.setAll(all);
            if (pendingYear != null && m.peerMentorId().equals(pendingMentor)) {
                all.add(pendingYear);
                years.setAll(all);
                year.set(pendingYear);
                pendingMentor = null;
                pendingYear = null;
                load();
                return;
            }
            Integer closed = list.isEmpty() ? null : list.get(0);
            year.set(closed != null ? closed : currentYear.getAsInt());
        }, this::failed));
    }

    /** Opens a given mentor's Wrapped for a year (the mentor screen's "Open Wrapped"). */
    public void open(String peerMentorId, int wantedYear) {
        showFirstChoice = false;
        pendingMentor = peerMentorId;
        pendingYear = wantedYear;
        if (mentors.isEmpty()) {
            loadMentors();
            return;
        }
        WrappedSource.MentorChoice choice = mentors.stream().filter(m -> m.peerMentorId().equals(peerMentorId))
                .findFirst().orElse(null);
        if (choice == null) {
            pendingMentor = null;
            pendingYear = null;
            message.set(ui.text("wrapped.player.noMentor", peerMentorId));
            return;
        }
        if (choice.equals(mentor.get())) {
            loadYears();
        } else {
            mentor.set(choice);
        }
    }

    /** Loads the chosen mentor's Wrapped for the chosen year: stored, or a preview of an open year. */
    public void load() {
        WrappedSource.MentorChoice m = mentor.get();
        Integer y = year.get();
        if (m == null || y == null) {
            message.set(ui.text("wrapped.player.choose"));
            return;
        }
        busy.set(true);
        message.set("");
        boolean open = y >= currentYear.getAsInt();
        if (open) {
            runner.run("wrapped-preview", p -> source.preview(m.peerMentorId(), y, actor), TaskRunner.Callbacks.of(result -> {
                busy.set(false);
                stored.set(null);
                if (result.isEmpty()) {
                    clear(ui.text("wrapped.player.noPreview", m.displayName(), String.valueOf(y)));
                    return;
                }
                SlidePayload previewPayload = result.get();
                statusText.set(ui.text("wrapped.player.status.preview", String.valueOf(y)));
                show(previewPayload, true, false);
            }, this::failed));
        } else {
            runner.run("wrapped-load", p -> source.annual(m.peerMentorId(), y, actor), TaskRunner.Callbacks.of(result -> {
                busy.set(false);
                if (result.isEmpty()) {
                    stored.set(null);
                    clear(ui.text("wrapped.player.noSummary", m.displayName(), String.valueOf(y)));
                    return;
                }
                WrappedSource.StoredWrapped w = result.get();
                stored.set(w);
                statusText.set(status(w));
                show(w.payload(), w.payload().preview(), w.shareable());
            }, this::failed));
        }
    }

    /** Shows a payload directly (tests, screenshots, and the loaders above). */
    public void show(SlidePayload p, boolean isPreview, boolean canShare) {
        payload.set(p);
        preview.set(isPreview || p.preview());
        encouragement.set(p.isEncouragement());
        shareable.set(canShare && !preview.get() && !p.isEncouragement());
        slides.setAll(contents.resolve(p));
        restart();
    }

    /** Shows the same payload in another language, on the same slide (the admin checks how a mentor reads it). */
    private void relocalise(Locale l) {
        Locale wanted = l == null ? locale : l;
        contents = wanted.equals(locale) || bundleBase == null ? ui
                : new SlideContents(wanted, ResourceBundle.getBundle(bundleBase, wanted));
        SlidePayload p = payload.get();
        if (p == null) {
            return;
        }
        int index = slideIndex.get();
        double kept = elapsed;
        slides.setAll(contents.resolve(p));
        if (index >= 0 && index < slides.size()) {
            slideIndex.set(index);
            slide.set(null);
            slide.set(slides.get(index));
            elapsed = kept;
            update();
        }
    }

    /** The languages the slides can be shown in. */
    public static List<Locale> slideLanguages() {
        return List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"));
    }

    public ObjectProperty<Locale> slideLocaleProperty() {
        return slideLocale;
    }

    private void clear(String why) {
        payload.set(null);
        slides.clear();
        slideIndex.set(-1);
        slide.set(null);
        playing.set(false);
        shareable.set(false);
        preview.set(false);
        encouragement.set(false);
        statusText.set("");
        message.set(why);
    }

    private String status(WrappedSource.StoredWrapped w) {
        String generated = w.generatedAt() == null ? ui.text("wrapped.player.never")
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .format(w.generatedAt().atZone(w.zone()));
        String state = ui.text("wrapped.player.state." + w.status());
        String lock = w.shared() ? ui.text("wrapped.player.shared", w.sharedCount())
                : w.frozen() ? ui.text("wrapped.player.frozen") : ui.text("wrapped.player.notFrozen");
        return ui.text("wrapped.player.status", state, generated, lock);
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set(ui.text("wrapped.player.failed", t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    // ---- playback ---------------------------------------------------------------------------

    /** Advances the clock by {@code seconds} of real time (scaled by the speed) while playing. */
    public void tick(double seconds) {
        if (!playing.get() || slide.get() == null) {
            return;
        }
        elapsed += seconds * speed.get().factor;
        if (elapsed >= SLIDE_SECONDS) {
            if (slideIndex.get() < slides.size() - 1) {
                go(slideIndex.get() + 1);
            } else {
                elapsed = SLIDE_SECONDS;
                playing.set(false);
                ended.set(true);
                update();
            }
            return;
        }
        update();
    }

    public void play() {
        if (slide.get() == null) {
            return;
        }
        if (ended.get()) {
            restart();
            return;
        }
        playing.set(true);
    }

    /** One speed step up (0.5x, 1x, 2x); stays at the fastest. */
    public void faster() {
        Speed[] all = Speed.values();
        speed.set(all[Math.min(all.length - 1, speed.get().ordinal() + 1)]);
    }

    /** One speed step down; stays at the slowest. */
    public void slower() {
        speed.set(Speed.values()[Math.max(0, speed.get().ordinal() - 1)]);
    }

    /** The figure's text once counted up (for sizing it to the phone). */
    public String finalFigureText(SlideContent s) {
        if (s == null) {
            return "";
        }
        return s.figure() != null ? contents.figureText(s.figure(), 1) : s.figureLabel() == null ? "" : s.figureLabel();
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void next() {
        if (canNext.get()) {
            go(slideIndex.get() + 1);
        } else if (slide.get() != null) {
            skipAnimation();
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            go(slideIndex.get() - 1);
        } else if (slide.get() != null) {
            go(0);
        }
    }

    public void restart() {
        ended.set(false);
        if (slides.isEmpty()) {
            return;
        }
        go(0);
        playing.set(true);
    }

    /** Jumps the current slide's entrance animation to its end (the figure shows its final value). */
    public void skipAnimation() {
        if (slide.get() == null) {
            return;
        }
        elapsed = Math.max(elapsed, ANIMATION_SECONDS);
        update();
    }

    /** Jumps to a slide (progress segments are clickable). */
    public void goTo(int index) {
        if (index >= 0 && index < slides.size()) {
            go(index);
        }
    }

    private void go(int index) {
        elapsed = 0;
        ended.set(false);
        slideIndex.set(index);
        slide.set(slides.get(index));
        update();
    }

    private void update() {
        double a = Math.min(1, elapsed / ANIMATION_SECONDS);
        animationProgress.set(a);
        slideProgress.set(Math.min(1, elapsed / SLIDE_SECONDS));
        SlideContent s = slide.get();
        if (s == null) {
            figureText.set("");
        } else if (s.figure() != null) {
            double shown = s.animation() == SlidePayload.Animation.COUNT_UP ? easeOut(a) : 1;
            figureText.set(contents.figureText(s.figure(), shown));
        } else {
            figureText.set(s.figureLabel() == null ? "" : s.figureLabel());
        }
    }

    /** Cubic ease-out: fast start, gentle landing. */
    public static double easeOut(double t) {
        double u = 1 - Math.max(0, Math.min(1, t));
        return 1 - u * u * u;
    }

    // ---- export ------------------------------------------------------------------------------

    public void exportPng() {
        export("png");
    }

    public void exportPdf() {
        export("pdf");
    }

    private void export(String format) {
        WrappedSource.MentorChoice m = mentor.get();
        Integer y = year.get();
        if (!shareable.get() || m == null || y == null) {
            message.set(ui.text("wrapped.player.notShareable"));
            return;
        }
        boolean proof = !ShareService.sharesAsMentor(actor, m.peerMentorId());
        String suggested = suggestedFileName(y, stored.get() == null ? null : stored.get().cardFirstName(), proof, format);
        var chosen = dialogs.chooseFileToSave(ui.text((proof ? "wrapped.player.proof." : "wrapped.player.export.") + format),
                suggested, List.of("*." + format));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        busy.set(true);
        runner.run("wrapped-export", p -> source.export(m.peerMentorId(), y, actor,
                "png".equals(format) ? file : null, "pdf".equals(format) ? file : null, slideLocale.get()),
                TaskRunner.Callbacks.of(result -> {
                    busy.set(false);
                    if (result.proof()) {
                        Path written = result.png() != null ? result.png() : result.pdf();
                        message.set(ui.text("wrapped.player.proofSaved", written.getFileName().toString()));
                        return;
                    }
                    message.set(ui.text("wrapped.player.exported", file.getFileName().toString(), result.sharedCount()));
                    WrappedSource.StoredWrapped w = stored.get();
                    if (w != null) {
                        WrappedSource.StoredWrapped now = new WrappedSource.StoredWrapped(w.payload(), w.status(),
                                w.generatedAt(), result.sharedCount(), w.viewedAt(), w.viewRecorded(), w.zone(),
                                w.cardFirstName());
                        stored.set(now);
                        statusText.set(status(now));
                    }
                }, this::failed));
    }

    /**
     * The file name Export offers: {@code wrapped-2025-Kari.png} with the mentor's first name where their
     * consent puts it on the card (null: none, {@code wrapped-2025.png}), {@code -proof} for a proof. The
     * name keeps its letters and digits (æøå too) and drops what a file system might not take.
     */
    static String suggestedFileName(int year, String cardFirstName, boolean proof, String format) {
        String name = cardFirstName == null ? "" : cardFirstName.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == '-')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "wrapped-" + year + (name.isEmpty() ? "" : "-" + name) + (proof ? "-" + ShareService.PROOF_MARK : "")
                + "." + format;
    }

    // ---- properties --------------------------------------------------------------------------

    public ObservableList<WrappedSource.MentorChoice> mentors() {
        return mentors;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<WrappedSource.MentorChoice> mentorProperty() {
        return mentor;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ReadOnlyObjectProperty<SlidePayload> payloadProperty() {
        return payload.getReadOnlyProperty();
    }

    public ObservableList<SlideContent> slides() {
        return slidesView;
    }

    public ReadOnlyIntegerProperty slideIndexProperty() {
        return slideIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SlideContent> slideProperty() {
        return slide.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty slideProgressProperty() {
        return slideProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty animationProgressProperty() {
        return animationProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty figureTextProperty() {
        return figureText.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty encouragementProperty() {
        return encouragement.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shareableProperty() {
        return shareable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lookerTextProperty() {
        return lookerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WrappedSource.StoredWrapped> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canPreviousProperty() {
        return canPrevious;
    }

    /** What the mentor list shows: the name, and where another has the same name, their association or id. */
    public String label(WrappedSource.MentorChoice m) {
        return m == null ? "" : labels.getOrDefault(m.peerMentorId(), m.displayName());
    }

    /** The mentor list's tooltip: typing a name jumps to it. */
    public String typeAheadHint() {
        return bundle.getString("names.typeAhead");
    }

    public Locale locale() {
        return locale;
    }

    /** For the View: the text of a bundle key in the player's locale. */
    public String text(String key, Object... args) {
        return ui.text(key, args);
    }

    /** When the stored summary was first viewed by its mentor (null: not yet). */
    public Instant viewedAt() {
        return stored.get() == null ? null : stored.get().viewedAt();
    }
}

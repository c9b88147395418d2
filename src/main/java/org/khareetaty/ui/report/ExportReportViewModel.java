package org.khareetaty.ui.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.report.AreaRef;
import org.khareetaty.report.Bulletin;
import org.khareetaty.report.BulletinRequest;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.WeeklyReport;
import org.khareetaty.report.WeeklyReportRequest;
import org.khareetaty.report.pdf.PdfPreview;
import org.khareetaty.security.FileProtection;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The "Export report…" dialog's state and commands: choose a weekly report or a tactical bulletin, compute
 * it in the background, show page images as a preview, let the analyst edit the bulletin text, then save
 * the PDF. No JavaFX nodes here; page images are handed to the view through {@link #pages()}.
 */
public final class ExportReportViewModel {

    /** Which report the dialog makes. */
    public enum Kind { WEEKLY, BULLETIN }

    static final float PREVIEW_DPI = 60;
    /** Everywhere: weekly report for every area. */
    public static final AreaRef ALL_AREAS = new AreaRef(new UUID(0, 0), "", "", "All areas");

    private final ReportService reports;
    private final Principal principal;
    private final FxExecutor executor;
    private final ReportContext context;
    private final Function<BufferedImage, Image> converter;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.WEEKLY);
    private final StringProperty week = new SimpleStringProperty();
    private final ObjectProperty<AreaRef> area = new SimpleObjectProperty<>(ALL_AREAS);
    private final ObservableList<AreaRef> areas = FXCollections.observableArrayList(ALL_AREAS);
    private final StringProperty author = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty analystText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty previewReady = new SimpleBooleanProperty();
    private final ObservableList<Image> pages = FXCollections.observableArrayList();
    private final EncryptionChoice encryption = new EncryptionChoice();

    private Bulletin bulletin;
    private byte[] pdf;
    private String description;

    public ExportReportViewModel(ReportService reports, Principal principal, FxExecutor executor, ReportContext context,
            ZoneId zone, LocalDate today, Function<BufferedImage, Image> converter) {
        this.reports = reports;
        this.principal = principal;
        this.author.set(principal.reportAuthor());
        this.executor = executor;
        this.context = context;
        this.converter = converter;
        IncidentFilter filter = context.filter();
        LocalDate reference = filter.to() != null ? filter.to() : today.minusWeeks(1);
        week.set(IsoWeek.of(reference).toString());
        if (context.hotspotId() != null || filter.selection() != null) {
            kind.set(Kind.BULLETIN);
        }
        // Any edit invalidates the preview, so what is saved is always what was looked at.
        kind.addListener((o, a, b) -> invalidate());
        week.addListener((o, a, b) -> invalidate());
        area.addListener((o, a, b) -> invalidate());
        author.addListener((o, a, b) -> invalidate());
        title.addListener((o, a, b) -> invalidate());
    }

    /** Loads the area list in the background; the dialog calls it once when shown. */
    public void loadAreas() {
        executor.run("Loading areas", ctx -> reports.areas().all(), loaded -> {
            List<AreaRef> all = new ArrayList<>();
            all.add(ALL_AREAS);
            all.addAll(loaded);
            areas.setAll(all);
            IncidentFilter filter = context.filter();
            if (filter.areas().size() == 1) {
                loaded.stream().filter(a -> filter.areas().contains(a.id())).findFirst().ifPresent(area::set);
            }
        }, error -> status.set("Areas unavailable: " + error.getMessage()));
    }

    /** Computes the report and renders its pages for the preview. */
    public void preview() {
        busy.set(true);
        status.set("Computing the report…");
        Kind chosen = kind.get();
        String text = analystText.get();
        executor.run("Report preview", ctx -> {
            if (chosen == Kind.WEEKLY) {
                WeeklyReport report = reports.weekly(weeklyRequest(), ctx);
                return Rendered.of(reports.weeklyPdf(report), null, ReportService.describe(report));
            }
            Bulletin computed = reports.bulletin(bulletinRequest(), ctx);
            boolean keepText = text != null && !text.isBlank() && bulletin != null;
            Bulletin shown = keepText ? computed.withText(text) : computed;
            return Rendered.of(reports.bulletinPdf(shown), shown, ReportService.describe(shown));
        }, this::showRendered, this::failed);
    }

    /** Re-lays the bulletin out with the edited text (no new queries), then refreshes the preview. */
    public void applyText() {
        if (bulletin == null) {
            preview();
            return;
        }
        busy.set(true);
        Bulletin edited = bulletin.withText(analystText.get());
        executor.run("Bulletin text", ctx -> Rendered.of(reports.bulletinPdf(edited), edited,
                ReportService.describe(edited)), this::showRendered,
                this::failed);
    }

    /** Writes the previewed PDF to {@code target} (the report service checks the role and audits it). */
    public void save(Path target) {
        if (pdf == null) {
            status.set("Preview the report first, so you see what you export.");
            return;
        }
        Optional<FileProtection> protection = encryption.protection();
        if (protection.isEmpty()) {
            status.set(encryption.problemProperty().get());
            return;
        }
        byte[] bytes = pdf;
        String what = description;
        busy.set(true);
        executor.run("Saving report", ctx -> reports.save(principal, bytes, what, target, protection.get()), saved -> {
            busy.set(false);
            protection.get().clear();
            if (protection.get().encrypted()) {
                encryption.clearPassphrase();
            }
            status.set("Saved " + saved.toAbsolutePath() + (protection.get().encrypted() ? " (encrypted)" : ""));
        }, this::failed);
    }

    /** The PDF bytes, (for a bulletin) the content they show, and the page images, made off the UI thread. */
    private record Rendered(byte[] pdf, Bulletin bulletin, String description, List<BufferedImage> images) {
        static Rendered of(byte[] pdf, Bulletin bulletin, String description) {
            return new Rendered(pdf, bulletin, description, PdfPreview.render(pdf, PREVIEW_DPI));
        }
    }

    private void showRendered(Rendered rendered) {
        pdf = rendered.pdf();
        bulletin = rendered.bulletin();
        description = rendered.description();
        if (bulletin != null && !bulletin.text().equals(analystText.get())) {
            analystText.set(bulletin.text());
        }
        List<Image> converted = new ArrayList<>(rendered.images().size());
        rendered.images().forEach(image -> converted.add(converter.apply(image)));
        pages.setAll(converted);
        previewReady.set(true);
        busy.set(false);
        status.set(converted.size() + " pages, " + (rendered.pdf().length / 1024) + " KB. Check them, then export.");
    }

    private void failed(Throwable error) {
        busy.set(false);
        status.set("Could not make the report: " + error.getMessage());
    }

    private void invalidate() {
        pdf = null;
        bulletin = kind.get() == Kind.BULLETIN ? bulletin : null;
        previewReady.set(false);
    }

    WeeklyReportRequest weeklyRequest() {
        AreaRef chosen = area.get();
        List<AreaRef> scope = chosen == null || chosen == ALL_AREAS ? List.of() : List.of(chosen);
        return new WeeklyReportRequest(IsoWeek.parse(week.get()), scope, author.get(),
                WeeklyReportRequest.DEFAULT_TOP_HOTSPOTS);
    }

    BulletinRequest bulletinRequest() {
        BulletinRequest request;
        if (context.hotspotId() != null) {
            request = BulletinRequest.forHotspot(context.hotspotId(), author.get());
        } else {
            IncidentFilter filter = context.filter();
            if (filter.from() == null || filter.to() == null) {
                IsoWeek chosen = IsoWeek.parse(week.get());
                filter = filter.withDates(chosen.monday(), chosen.sunday());
            }
            request = BulletinRequest.forSelection(filter, author.get());
        }
        return request.withTitle(title.get());
    }

    /** A suggested file name, e.g. weekly-2025-W10.pdf. */
    public String suggestedFileName() {
        return kind.get() == Kind.WEEKLY ? "weekly-" + week.get() + ".pdf" : "bulletin-" + week.get() + ".pdf";
    }

    /** The "Encrypt with a passphrase" choice for the saved PDF. */
    public EncryptionChoice encryption() {
        return encryption;
    }

    public ReportContext context() {
        return context;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty weekProperty() {
        return week;
    }

    public ObjectProperty<AreaRef> areaProperty() {
        return area;
    }

    public ObservableList<AreaRef> areas() {
        return areas;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty analystTextProperty() {
        return analystText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty previewReadyProperty() {
        return previewReady;
    }

    /** Page images of the current preview. */
    public ObservableList<Image> pages() {
        return pages;
    }
}

package org.khareetaty.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.analysis.hotspot.AreaBoundaries;
import org.khareetaty.analysis.hotspot.HotspotRunRepository;
import org.khareetaty.analysis.hotspot.HotspotService;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.analysis.forecast.HotspotForecastService;
import org.khareetaty.charts.ChartCatalog;
import org.khareetaty.charts.ChartFiles;
import org.khareetaty.charts.ChartService;
import org.khareetaty.charts.ForecastReader;
import org.khareetaty.charts.SnapshotChartDataSource;
import org.khareetaty.charts.SqlChartDataSource;
import org.khareetaty.common.AppInfo;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.SecretStore;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.health.HealthResult;
import org.khareetaty.map.MapLayerRepository;
import org.khareetaty.map.MapService;
import org.khareetaty.ingest.AreaService;
import org.khareetaty.ingest.AgencyZoneFromData;
import org.khareetaty.ingest.ImportService;
import org.khareetaty.ingest.InputLimits;
import org.khareetaty.ingest.ProfileStore;
import org.khareetaty.ingest.QuarantineRepository;
import org.khareetaty.ingest.samples.SampleService;
import org.khareetaty.report.HotspotRuns;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.export.DataExporter;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseHealth;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.pipeline.AlertsStep;
import org.khareetaty.pipeline.BackupStep;
import org.khareetaty.pipeline.HotspotStep;
import org.khareetaty.pipeline.ForecastStep;
import org.khareetaty.pipeline.PipelineService;
import org.khareetaty.pipeline.RetentionStep;
import org.khareetaty.pipeline.StagingImportStep;
import org.khareetaty.pipeline.SyncStep;
import org.khareetaty.pipeline.WeeklyReportStep;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.BackupService;
import org.khareetaty.security.CredentialVault;
import org.khareetaty.security.DataRetention;
import org.khareetaty.security.PasswordHasher;
import org.khareetaty.security.PasswordPolicy;
import org.khareetaty.security.SettingChanges;
import org.khareetaty.security.UserService;
import org.khareetaty.sync.SyncService;

/**
 * The composition root of the headless core: builds every core service once, with constructor
 * injection, for the CLI and the desktop alike. Nothing here knows about JavaFX.
 */
public final class CoreServices implements AutoCloseable {

    private final DataFolder folder;
    private final Clock clock;
    private final AppInfo appInfo;
    private final Database database;
    private final BackgroundTasks tasks;
    private final SettingsStore settings;
    private final IncidentRepository incidents;
    private final IncidentSnapshots snapshots;
    private final HotspotService hotspots;
    private final MapService map;
    private final AreaService areas;
    private final ImportService imports;
    private final SampleService samples;
    private final QuarantineRepository quarantine;
    private final AuditLog audit;
    private final UserService users;
    private final BackupService backups;
    private final DataRetention retention;
    private final PipelineService pipeline;
    private final ForecastService forecasts;
    private final HotspotForecastService hotspotForecasts;
    private final CredentialVault vault;
    private final SecretStore secrets;
    private final SettingChanges settingChanges;
    private final SyncService sync;
    private final DataEvents dataEvents;
    private final AlertServices alerts;
    private final ReportService reports;
    private final DataExporter exporter;
    private final ChartService charts;
    private final ChartService interactiveCharts;
    private final ChartFiles chartFiles;
    /** Closes everything when the OS ends the process (logout, shutdown, {@code kill}) rather than the user. */
    private final Thread closeOnTermination = new Thread(this::close, "khareetaty-close-on-termination");
    private final AtomicBoolean closed = new AtomicBoolean();

    private CoreServices(DataFolder folder, Clock clock, Database database, BackgroundTasks tasks) {
        this.folder = folder;
        this.clock = clock;
        this.appInfo = AppInfo.load();
        this.database = database;
        this.tasks = tasks;
        this.settings = new SettingsStore(database);
        this.audit = new AuditLog(database, clock);
        // The OS keystore (where available) also protects the credential key, for unattended runs (ADR 0102).
        this.vault = new CredentialVault(folder, org.khareetaty.security.OsKeystore.detect(folder.root().resolve("keys")));
        this.secrets = new SecretStore(vault);
        this.settingChanges = new SettingChanges(settings, secrets, audit);
        this.snapshots = new IncidentSnapshots(database);
        this.incidents = new IncidentRepository(database, snapshots);
        // Alert rules are evaluated after every import and stored analysis run (DataEvents listeners; see AlertServices).
        this.dataEvents = new DataEvents();
        ForecastStore forecastStore = new ForecastStore(database, settings);
        this.forecasts = new ForecastService(database, snapshots, settings, forecastStore, clock, appInfo.version(),
                dataEvents);
        this.hotspotForecasts = new HotspotForecastService(database, snapshots, forecastStore, clock, appInfo.version(),
                dataEvents);
        this.hotspots = new HotspotService(snapshots, new HotspotRunRepository(database), new AreaBoundaries(database),
                clock, appInfo.version(), dataEvents);
        this.map = new MapService(new MapLayerRepository(database), settings, settingChanges, audit, folder, clock);
        this.areas = new AreaService(database, InputLimits.DEFAULT);
        this.imports = new ImportService(database, new ProfileStore(database), areas, clock, InputLimits.DEFAULT,
                () -> settings.get(org.khareetaty.common.settings.Settings.AGENCY_ZONE), audit);
        // First, so that everything told about the import below already sees the agency's zone.
        imports.addListener(new AgencyZoneFromData(database, settings));
        // A finished import, area load or rollback makes the in-memory snapshot stale.
        imports.addListener(report -> snapshots.invalidate());
        imports.addListener(report -> {
            if (report.batchId() != null) {
                dataEvents.importFinished(report.batchId());
            }
        });
        // ... and the basemap's imported boundaries.
        imports.addListener(report -> map.reloadTiles());
        imports.recoverInterrupted();
        this.samples = new SampleService(imports, folder.cache());
        this.quarantine = new QuarantineRepository(database, audit);
        this.users = new UserService(database, clock, settings, audit, PasswordHasher.standard(), PasswordPolicy.bundled(),
                vault);
        this.backups = new BackupService(database, clock, settings, audit);
        this.retention = new DataRetention(database, clock, audit);
        this.sync = new SyncService(database, settings, secrets, settingChanges, audit, clock,
                areas::linkPulled, tasks);
        this.alerts = new AlertServices(database, settings, secrets, settingChanges, audit, tasks, dataEvents, clock);
        this.reports = new ReportService(database, forecasts, settings, clock, appInfo, audit);
        this.exporter = new DataExporter(database, new HotspotRuns(database), audit);
        this.pipeline = new PipelineService(database, clock, settings, audit, List.of(
                new StagingImportStep(imports, settings, folder),
                new HotspotStep(hotspots, snapshots, settings),
                new ForecastStep(forecasts, snapshots, settings),
                new AlertsStep(alerts),
                new WeeklyReportStep(reports, settings, folder),
                new SyncStep(sync),
                new RetentionStep(retention, settings),
                new BackupStep(backups, settings)));
        ChartCatalog chartCatalog = new ChartCatalog(database);
        ForecastReader chartForecasts = new ForecastReader(new ForecastStore(database, settings));
        this.charts = new ChartService(new SqlChartDataSource(database), chartCatalog, chartForecasts, clock);
        this.interactiveCharts = new ChartService(new SnapshotChartDataSource(snapshots), chartCatalog, chartForecasts,
                clock);
        this.chartFiles = new ChartFiles(audit);
        Runtime.getRuntime().addShutdownHook(closeOnTermination);
    }

    public static CoreServices open(DataFolder folder) {
        return open(folder, null);
    }

    /** Opens a folder whose database may be encrypted with H2's CIPHER=AES ({@code filePassword}; ADR 0102). */
    public static CoreServices open(DataFolder folder, char[] filePassword) {
        Database database = Database.open(folder, filePassword);
        return new CoreServices(folder, Clock.systemUTC(), database, BackgroundTasks.forWorkstation());
    }

    /**
     * As {@link #open(DataFolder, char[])}, but a database file this H2 engine refuses as written by another engine
     * version is first upgraded by export and re-import with the older engines installed beside the application
     * (ADR 0103; the original is kept); {@code progress} hears each step.
     */
    public static CoreServices openUpgrading(DataFolder folder, char[] filePassword, java.util.function.Consumer<String> progress) {
        try {
            return open(folder, filePassword);
        } catch (org.khareetaty.store.DatabaseUpgradeRequiredException e) {
            progress.accept(e.getMessage());
            org.khareetaty.security.DatabaseUpgrades.upgradeAtStart(folder, filePassword, progress);
            return open(folder, filePassword);
        }
    }

    public DataFolder folder() {
        return folder;
    }

    public Clock clock() {
        return clock;
    }

    public AppInfo appInfo() {
        return appInfo;
    }

    public Database database() {
        return database;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** Import and analysis services announce committed changes here; alerts (and others) listen. */
    public DataEvents dataEvents() {
        return dataEvents;
    }

    public IncidentRepository incidents() {
        return incidents;
    }

    /** The in-memory columnar copy of the incidents, for fast analyses, charts and the map. */
    public IncidentSnapshots snapshots() {
        return snapshots;
    }

    /** DBSCAN, kernel density and Gi* hotspot runs, stored with their provenance. */
    public HotspotService hotspots() {
        return hotspots;
    }

    /** The map: offline basemap, tile sources and the layers it draws. */
    public MapService map() {
        return map;
    }

    /** Boundary layers and point-in-polygon assignment of incidents to areas. */
    public AreaService areas() {
        return areas;
    }

    /** Incident import; add an {@link org.khareetaty.ingest.ImportListener} to hear about new data. */
    public ImportService imports() {
        return imports;
    }

    /** The shipped samples (Kuwait synthetic, Philadelphia extract) offered on first start. */
    public SampleService samples() {
        return samples;
    }

    /** Rows the importer rejected, with file, line, field, value and reason. */
    public QuarantineRepository quarantine() {
        return quarantine;
    }

    public AuditLog audit() {
        return audit;
    }

    public UserService users() {
        return users;
    }

    public BackupService backups() {
        return backups;
    }

    public DataRetention retention() {
        return retention;
    }

    /** Count forecasts, hotspot forecasts and their backtests; also the latest stored forecast of a series. */
    public ForecastService forecasts() {
        return forecasts;
    }

    /** Next week's hotspot risk surface and its weekly backtest against prior counts and a KDE. */
    public HotspotForecastService hotspotForecasts() {
        return hotspotForecasts;
    }

    /** Protects the credential key with the administrators' passwords. */
    public CredentialVault vault() {
        return vault;
    }

    /** Encrypts credentials before they are stored in settings. */
    public SecretStore secrets() {
        return secrets;
    }

    /** Settings changed by people (window or CLI): role-checked, validated, audited once per save. */
    public SettingChanges settingChanges() {
        return settingChanges;
    }

    /** Optional sync with a central PostgreSQL/PostGIS server. */
    public SyncService sync() {
        return sync;
    }

    public AlertServices alerts() {
        return alerts;
    }

    public ReportService reports() {
        return reports;
    }

    public DataExporter exporter() {
        return exporter;
    }

    /** Charts counted with SQL: for one-off charts (CLI, reports), no warm-up. */
    public ChartService charts() {
        return charts;
    }

    /** The daily pipeline (staging import, analyses, alerts, report, sync, retention, backup). */
    public PipelineService pipeline() {
        return pipeline;
    }

    /** Charts counted from the in-memory snapshot: for the chart pane, which redraws on every filter change. */
    public ChartService interactiveCharts() {
        return interactiveCharts;
    }

    /** Chart files written for people (pane export, CLI): role-checked and audited. */
    public ChartFiles chartFiles() {
        return chartFiles;
    }

    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>(DatabaseHealth.checks(database));
        checks.add(backups.healthCheck());
        checks.add(pipeline.healthCheck());
        checks.add(() -> {
            int pending = alerts.sender().pendingCount();
            return pending == 0 ? HealthResult.ok("notifications", "no notification waiting to be sent")
                    : HealthResult.warn("notifications", pending + " notifications wait in the outbox (no network or Twilio not set up?)");
        });
        checks.add(() -> {
            if (!sync.enabled()) {
                return HealthResult.ok("sync", "sync with a central server is not enabled");
            }
            var status = sync.status();
            String last = status.lastSuccess() == null ? "never" : String.valueOf(status.lastSuccess().finishedAt());
            return status.pendingChanges() > 0 && status.lastSuccess() == null
                    ? HealthResult.warn("sync", "never synced; " + status.pendingChanges() + " changes wait to be pushed")
                    : HealthResult.ok("sync", "last successful sync " + last + ", " + status.pendingChanges() + " changes pending");
        });
        checks.add(() -> HealthResult.ok("logs", "log files in " + folder.logs()));
        return checks;
    }

    /**
     * Cancels background work and shuts the database down cleanly; runs once, whether called by the application or
     * on termination (a clean shutdown keeps, among others, the audit log's numbering free of gaps).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != closeOnTermination) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnTermination);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already ending; the hook will find everything closed
            }
        }
        alerts.close();
        tasks.close();
        map.close();
        database.close();
    }
}

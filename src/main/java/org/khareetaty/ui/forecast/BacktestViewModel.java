package org.khareetaty.ui.forecast;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.analysis.forecast.CountBacktestResult;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.HotspotBacktest;
import org.khareetaty.analysis.forecast.HotspotBacktestResult;
import org.khareetaty.analysis.forecast.HotspotForecastService;
import org.khareetaty.analysis.forecast.MethodScore;
import org.khareetaty.analysis.forecast.HotspotModel;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The backtest pane: shows the latest stored count and hotspot backtests and runs new ones on the last
 * year of data, each method beside its baselines, with a plain verdict on whether the model earns trust.
 */
public final class BacktestViewModel {

    private static final int ORIGINS = 12;
    private static final int[] HORIZONS = {7, 28};
    private static final double[] COVERAGES = {1, 5, 10};

    private final ForecastService counts;
    private final HotspotForecastService hotspots;
    private final FxExecutor executor;
    private final ObjectProperty<CountBacktestResult> countResult = new SimpleObjectProperty<>();
    private final ObjectProperty<HotspotBacktestResult> hotspotResult = new SimpleObjectProperty<>();
    private final StringProperty countVerdict = new SimpleStringProperty("");
    private final StringProperty hotspotVerdict = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("district");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");

    public BacktestViewModel(ForecastService counts, HotspotForecastService hotspots, FxExecutor executor) {
        this.counts = counts;
        this.hotspots = hotspots;
        this.executor = executor;
        countResult.addListener((obs, old, now) -> countVerdict.set(now == null ? "" : countVerdict(now)));
        hotspotResult.addListener((obs, old, now) -> hotspotVerdict.set(now == null ? "" : hotspotVerdict(now)));
    }

    public ObjectProperty<CountBacktestResult> countResultProperty() {
        return countResult;
    }

    public ObjectProperty<HotspotBacktestResult> hotspotResultProperty() {
        return hotspotResult;
    }

    public StringProperty countVerdictProperty() {
        return countVerdict;
    }

    public StringProperty hotspotVerdictProperty() {
        return hotspotVerdict;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Shows the latest stored backtests, if any. */
    public void loadLatest() {
        executor.run("Read stored backtests", context -> new Latest(counts.latestCountBacktest().orElse(null),
                hotspots.latestBacktest().orElse(null)), latest -> {
                    countResult.set(latest.counts());
                    hotspotResult.set(latest.hotspots());
                    status.set(latest.counts() == null && latest.hotspots() == null
                            ? "No backtest has been run yet. Run one to see whether the forecasts deserve trust." : "");
                }, error -> status.set("Cannot read stored backtests: " + error.getMessage()));
    }

    private record Latest(CountBacktestResult counts, HotspotBacktestResult hotspots) {
    }

    /** Backtests count forecasts on the last 12 monthly origins of the data (fit on the previous 730 days). */
    public void runCounts() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Backtesting count forecasts…");
        String areaKind = kind.get();
        executor.run("Backtest count forecasts", context -> {
            List<LocalDate> origins = counts.recentMonthlyOrigins(ORIGINS, 28, context);
            return counts.backtestCounts(new ForecastService.BacktestRequest(areaKind, null, origins, HORIZONS, 730, null),
                    context);
        }, result -> {
            busy.set(false);
            countResult.set(result);
            status.set(String.format("Count backtest done in %d ms. Stored.", result.loadMillis() + result.modelMillis()));
        }, error -> {
            busy.set(false);
            status.set("Count backtest failed: " + error.getMessage());
        });
    }

    /** Backtests hotspot forecasts on the last 52 weeks of the data (150 m cells inside the districts). */
    public void runHotspots() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Backtesting hotspot forecasts…");
        String areaKind = kind.get();
        executor.run("Backtest hotspot forecasts", context -> {
            LocalDate last = counts.lastDataDay(context)
                    .orElseThrow(() -> new IllegalStateException("There are no incidents; import data first"));
            LocalDate from = last.minusDays(7L * 52 - 1);
            return hotspots.backtest(new HotspotForecastService.BacktestRequest(areaKind, from, 52, 150, COVERAGES, null),
                    context);
        }, result -> {
            busy.set(false);
            hotspotResult.set(result);
            status.set(String.format("Hotspot backtest done in %d ms. Stored.", result.loadMillis() + result.modelMillis()));
        }, error -> {
            busy.set(false);
            status.set("Hotspot backtest failed: " + error.getMessage());
        });
    }

    static String countVerdict(CountBacktestResult result) {
        StringBuilder text = new StringBuilder();
        for (int horizon : HORIZONS) {
            MethodScore model = find(result.overall(), CountBacktestResult.MODEL, horizon);
            MethodScore naive = find(result.overall(), CountBacktestResult.SEASONAL_NAIVE, horizon);
            if (model == null || naive == null) {
                continue;
            }
            double gain = 100 * (1 - model.mase() / naive.mase());
            text.append(String.format("%d days ahead: the model's error is %.0f%% %s than repeating last week "
                    + "(MASE %.3f vs %.3f); its 80%% intervals held %.0f%% of days. ", horizon, Math.abs(gain),
                    gain >= 0 ? "lower" : "HIGHER", model.mase(), naive.mase(), 100 * model.coverage80()));
        }
        return text.toString().strip();
    }

    static String hotspotVerdict(HotspotBacktestResult result) {
        StringBuilder text = new StringBuilder();
        for (double coverage : COVERAGES) {
            HotspotBacktest.Score model = find(result.scores(), HotspotModel.MODEL, coverage);
            HotspotBacktest.Score prior = find(result.scores(), HotspotModel.PRIOR_COUNTS, coverage);
            HotspotBacktest.Score kde = find(result.scores(), HotspotModel.KDE, coverage);
            if (model == null || prior == null || kde == null) {
                continue;
            }
            double best = Math.max(prior.pai(), kde.pai());
            text.append(String.format("Flagging %.0f%% of the area: PAI %.1f, %.2f× the better baseline. ", coverage,
                    model.pai(), model.pai() / best));
        }
        return text.toString().strip();
    }

    private static MethodScore find(List<MethodScore> scores, String method, int horizon) {
        return scores.stream().filter(s -> s.method().equals(method) && s.horizon() == horizon).findFirst().orElse(null);
    }

    private static HotspotBacktest.Score find(List<HotspotBacktest.Score> scores, String method, double coverage) {
        return scores.stream().filter(s -> s.method().equals(method) && s.coveragePercent() == coverage).findFirst()
                .orElse(null);
    }
}

package org.khareetaty.analysis.forecast;

import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;

/** Throwaway model experiment on /tmp/fc/counts.csv (date,dist,count). */
public class Experiment {
    public static void main(String[] args) throws Exception {
        LocalDate first = LocalDate.of(2016, 1, 1);
        int days = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - first.toEpochDay()) + 1;
        List<String> dists = List.of("01","02","03","05","07","08","09","12","14","15","16","17","18","19","22","24","25","26","35","39","77");
        int[][] m = new int[22][days];
        for (String line : Files.readAllLines(Path.of("/tmp/fc/counts.csv"))) {
            String[] f = line.split(",");
            LocalDate d = LocalDate.parse(f[0]);
            int t = (int) (d.toEpochDay() - first.toEpochDay());
            if (t < 0 || t >= days) continue;
            int c = Integer.parseInt(f[2]);
            m[0][t] += c;
            int k = dists.indexOf(f[1].equals("06") && System.getenv("MERGE06") != null ? "09" : f[1]);
            if (k >= 0) m[k + 1][t] += c;
        }
        double[] p = Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        DailyCountModel.Parameters params = p.length == 0 ? DailyCountModel.Parameters.DEFAULT
                : new DailyCountModel.Parameters((int) p[0], p[1], p[2] > 0, p[3], p[4], p[5], p[6]);
        DailyCountModel model = new DailyCountModel(params, HolidayCalendar.parse("include us"));
        long start = System.nanoTime();
        double[] s = new double[8]; int pairs = 0; int[] perSeries = new int[22]; double[] seriesMase = new double[22];
        for (int month = 1; month <= 12; month++) {
            int origin = (int) (LocalDate.of(2025, month, 1).toEpochDay() - first.toEpochDay());
            for (int k = 0; k < 22; k++) {
                int[] y = m[k];
                double scale = ForecastMetrics.seasonalNaiveScale(y, origin - 730, origin);
                DailyCountModel.Forecast f = model.forecast(y, first, origin - 730, origin, 28);
                double[] med = Arrays.stream(f.median()).asDoubleStream().toArray();
                double[] naive = ForecastMetrics.seasonalNaive(y, origin, 28);
                s[0] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, f.mean(), 7), scale);
                s[1] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, f.mean(), 28), scale);
                s[2] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, med, 7), scale);
                s[3] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, med, 28), scale);
                s[4] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, naive, 7), scale);
                s[5] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, naive, 28), scale);
                s[6] += ForecastMetrics.coverage(y, origin, f.lower90(), f.upper90(), 28);
                s[7] += ForecastMetrics.coverage(y, origin, f.lower80(), f.upper80(), 28);
                seriesMase[k] += ForecastMetrics.mase(ForecastMetrics.mae(y, origin, med, 28), scale);
                pairs++;
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("mean h7 %.4f h28 %.4f | median h7 %.4f h28 %.4f | naive %.4f %.4f | cov90 %.3f cov80 %.3f | %d ms%n",
                s[0]/pairs, s[1]/pairs, s[2]/pairs, s[3]/pairs, s[4]/pairs, s[5]/pairs, s[6]/pairs, s[7]/pairs, ms);
        if (System.getenv("PER") != null) for (int k = 0; k < 22; k++) System.out.printf("%s %.3f%n", k == 0 ? "city" : dists.get(k-1), seriesMase[k]/12);
    }
}

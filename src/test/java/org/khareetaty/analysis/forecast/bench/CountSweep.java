package org.khareetaty.analysis.forecast.bench;

import java.nio.file.Path;
import org.khareetaty.TestData;
import org.khareetaty.analysis.forecast.DailyCountModel;

/**
 * Count-model parameter sweep on one year's twelve monthly origins (the protocol), as used for ADR 0032.
 * Usage: {@code CountSweep YEAR fourier,halfLife,levelAlpha,levelDamping,ridge,holidayRidge,poolStrength ...}
 */
public final class CountSweep {
    public static void main(String[] args) throws Exception {
        int year = Integer.parseInt(args[0]);
        PhiladelphiaSnapshot.Data data = PhiladelphiaSnapshot.load(TestData.sharedData().resolve("philadelphia"));
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(",");
            DailyCountModel.Parameters parameters = new DailyCountModel.Parameters(Integer.parseInt(p[0]),
                    Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                    Double.parseDouble(p[4]), Double.parseDouble(p[5]), Double.parseDouble(p[6]));
            System.out.println("== " + parameters);
            ForecastBench.counts(data.snapshot(), year, parameters);
        }
    }
}

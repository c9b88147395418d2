package org.khareetaty.charts;

import java.io.IOException;
import org.khareetaty.store.Database;

/** Lets tests in other packages load the real Philadelphia sample. */
public final class ChartTestData {

    private ChartTestData() {
    }

    public static void loadPhiladelphiaSample(Database database) throws IOException {
        PhiladelphiaSample.load(database);
    }
}

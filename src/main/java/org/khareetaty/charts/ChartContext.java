package org.khareetaty.charts;

import java.util.Map;
import java.util.Optional;

/** What every chart of one redraw shares: the dates the data covers, category labels and the area kinds. */
public record ChartContext(Optional<DateWindow> dataExtent, CategoryCatalog categories, Map<String, Integer> areaKinds) {

    public ChartContext {
        areaKinds = Map.copyOf(areaKinds);
    }
}

package org.khareetaty.charts;

/**
 * How the charts are drawn, apart from the shared filter. A null granularity means automatic (from the
 * window's length); a null area kind means the agency's areas (see {@link ChartCatalog#defaultAreaKind()}).
 */
public record ChartOptions(TimeGranularity granularity, int topCategories, String areaKind, AreaMeasure areaMeasure) {

    public static final int DEFAULT_TOP_CATEGORIES = 8;
    public static final ChartOptions DEFAULTS = new ChartOptions(null, DEFAULT_TOP_CATEGORIES, null, AreaMeasure.COUNTS);

    public ChartOptions {
        if (topCategories < 1 || topCategories > 50) {
            throw new IllegalArgumentException("Top categories must be 1 to 50, not " + topCategories);
        }
        if (areaMeasure == null) {
            areaMeasure = AreaMeasure.COUNTS;
        }
    }

    public ChartOptions withGranularity(TimeGranularity value) {
        return new ChartOptions(value, topCategories, areaKind, areaMeasure);
    }

    public ChartOptions withTopCategories(int value) {
        return new ChartOptions(granularity, value, areaKind, areaMeasure);
    }

    public ChartOptions withAreaKind(String value) {
        return new ChartOptions(granularity, topCategories, value, areaMeasure);
    }

    public ChartOptions withAreaMeasure(AreaMeasure value) {
        return new ChartOptions(granularity, topCategories, areaKind, value);
    }
}

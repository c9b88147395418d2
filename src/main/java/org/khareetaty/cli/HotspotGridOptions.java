package org.khareetaty.cli;

import picocli.CommandLine.Option;

/** The grid a hotspot forecast or backtest is scored on: cell size and the area kind whose polygons bound it. */
final class HotspotGridOptions {

    @Option(names = "--cell-m", defaultValue = "150", paramLabel = "METRES", description = "Grid cell size (default: ${DEFAULT-VALUE})")
    double cellM;

    @Option(names = "--region", defaultValue = "district", paramLabel = "KIND",
            description = "Area kind whose polygons make the region (default: ${DEFAULT-VALUE})")
    String region;
}

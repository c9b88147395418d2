package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/** The layers the map draws, read from real V1 tables and painted with Java2D. */
class MapLayersTest {

    @TempDir
    static Path folder;
    private static Database database;
    private static Basemap basemap;
    private static List<TestIncidents.Incident> inserted;
    private static UUID runId;

    @BeforeAll
    static void setUp() {
        database = TestDatabases.open(folder.resolve("db"));
        basemap = Basemap.loadBundled();
        inserted = MapFixtures.kuwaitIncidents(3_000, 11);
        TestIncidents.insert(database, inserted, ZoneId.of("Asia/Kuwait"));
        MapFixtures.insertKuwaitGovernorates(database, basemap);
        runId = MapFixtures.insertDensityRun(database, "KDE", 500);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void repositoryReadsAreasRunsHotspotsAndGrids() {
        MapLayerRepository repository = new MapLayerRepository(database);
        List<MapArea> areas = repository.areas();
        assertThat(areas).hasSize(6).allMatch(a -> a.kind().equals("governorate"));
        assertThat(areas).anyMatch(a -> a.name().contains("Asimah") || a.name().contains("Capital") || a.name().contains("Kuwait"));
        List<AnalysisRunInfo> runs = repository.runs(List.of("KDE", "GISTAR"));
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(runId);
            assertThat(r.hotspotCount()).isEqualTo(10);
            assertThat(r.gridCount()).isEqualTo(1);
        });
        List<MapHotspot> hotspots = repository.hotspots(runId);
        assertThat(hotspots).extracting(MapHotspot::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(hotspots.get(0).incidentCount()).isGreaterThanOrEqualTo(hotspots.get(9).incidentCount());
        // The densest cell lies where the fixture put most incidents (Kuwait City), within a kilometre or so.
        BoundingBox first = hotspots.get(0).shape().bounds();
        assertThat(first.minLon()).isBetween(47.80, 48.20);
        List<GridData> grids = repository.grids(runId);
        assertThat(grids).singleElement().satisfies(g -> {
            assertThat(g.values()).hasSize(g.columns() * g.rows());
            assertThat(g.runKind()).isEqualTo("KDE");
        });
    }

    @Test
    void gridPainterColoursCellsWhereTheGridIsAndNothingElsewhere() {
        GridData grid = new MapLayerRepository(database).grids(runId).get(0);
        GridPainter painter = new GridPainter(grid, GridPainter.Style.HEAT, "Density");
        MapViewport kuwaitCity = new MapViewport(47.98, 29.37, 12, 256, 256);
        BufferedImage image = paint(painter, kuwaitCity);
        assertThat(opaquePixels(image)).isGreaterThan(256 * 256 / 4);
        BufferedImage faraway = paint(painter, new MapViewport(10, 50, 12, 256, 256));
        assertThat(opaquePixels(faraway)).isZero();
        // The value under the pointer is the stored cell value (the grid is in EPSG:3857 metres).
        double x = MapFixtures.mercatorX(47.98);
        double y = MapFixtures.mercatorY(29.37);
        int column = (int) ((x - grid.originX()) / grid.cellSize());
        int row = (int) ((y - grid.originY()) / grid.cellSize());
        assertThat(painter.valueAt(47.98, 29.37)).isEqualTo(grid.value(column, row));
        assertThat(painter.legend(12).title()).contains("incidents per km²");
    }

    @Test
    void gistarCellsAreHotOrColdByConfidence() {
        double[] z = {0.5, 1.7, 2.0, 3.0, -1.7, -2.0, -3.0, 1.0, -0.2};
        GridData grid = new GridData(UUID.randomUUID(), "GISTAR", "z", "EPSG:4326", 47.9, 29.3, 0.01, 3, 3, "z", z);
        GridPainter painter = new GridPainter(grid, GridPainter.Style.SIGNIFICANCE, "Gi*");
        assertThat(painter.colourOf(0.5)).isZero();
        assertThat(painter.colourOf(1.7)).isEqualTo(Palette.DIVERGING[4]);
        assertThat(painter.colourOf(2.0)).isEqualTo(Palette.DIVERGING[5]);
        assertThat(painter.colourOf(3.0)).isEqualTo(Palette.DIVERGING[6]);
        assertThat(painter.colourOf(-3.0)).isEqualTo(Palette.DIVERGING[0]);
        assertThat(painter.colourOf(-1.7)).isEqualTo(Palette.DIVERGING[2]);
        assertThat(painter.legend(10).entries()).hasSize(6);
    }

    @Test
    void gridProjectionInvertsUtmAndWebMercator() {
        double[] out = new double[2];
        GridProjection utm18 = GridProjection.parse("EPSG:32618 WGS 84 / UTM zone 18N");
        utm18.toLonLat(500_000, 0, out);
        assertThat(out[0]).isCloseTo(-75, within(1e-9));
        assertThat(out[1]).isCloseTo(0, within(1e-9));
        // On the central meridian the northing is 0.9996 x the meridian arc; the WGS 84 arc to 40°N is 4,429,529.03 m.
        utm18.toLonLat(500_000, 0.9996 * 4_429_529.03, out);
        assertThat(out[1]).isCloseTo(40, within(1e-5));
        GridProjection local = GridProjection.parse("Local transverse Mercator on WGS 84, central meridian 47.9800°");
        local.toLonLat(0, 0, out);
        assertThat(out[0]).isCloseTo(47.98, within(1e-9));
        GridProjection.parse("EPSG:3857").toLonLat(20_037_508.3428, 0, out);
        assertThat(out[0]).isCloseTo(180, within(1e-6));
        assertThatThrownBy(() -> GridProjection.parse("EPSG:2263 NAD83 / New York Long Island"))
                .hasMessageContaining("cannot draw a grid");
    }

    @Test
    void incidentsAreDotsAtStreetZoomAndDensityCellsFurtherOut() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        PointIndex index = PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL));
        long located = inserted.stream().filter(i -> i.lon() != null).count();
        assertThat(index.size()).isEqualTo((int) located);
        IncidentPainter painter = new IncidentPainter(index, snapshot.categories(), snapshot.categoryCounts());
        assertThat(painter.showsPoints(16)).isTrue();
        assertThat(painter.showsPoints(10)).isFalse();

        TestIncidents.Incident first = inserted.get(0);
        MapViewport street = new MapViewport(first.lon(), first.lat(), 17, 64, 64);
        BufferedImage dots = paint(painter, street);
        int centre = dots.getRGB(32, 32);
        assertThat(centre >>> 24).isEqualTo(255);
        int category = snapshot.categories().indexOf(first.category());
        // The dot under the centre is one of the incidents there: with the fixture's spread, the first one or a neighbour.
        assertThat(index.nearest(street, 32, 32, 1)).isNotNegative();
        assertThat(painter.categoryColour(category) >>> 24).isEqualTo(255);

        double[] breaks = painter.breaks(11);
        for (int i = 1; i < breaks.length; i++) {
            assertThat(breaks[i]).isGreaterThan(breaks[i - 1]);
        }
        BufferedImage density = paint(painter, new MapViewport(47.98, 29.35, 11, 256, 256));
        assertThat(opaquePixels(density)).isGreaterThan(100);
        assertThat(painter.legend(11).title()).contains("per km²");
        // The cell's side is given where the incidents are (Kuwait, about 29° N): 13 % less than at the equator.
        java.util.regex.Matcher side = java.util.regex.Pattern.compile("cells ≈ ([\\d,]+) m").matcher(painter.legend(11).title());
        assertThat(side.find()).isTrue();
        assertThat(Double.parseDouble(side.group(1).replace(",", "")))
                .isCloseTo(WebMercator.metresPerPixel(29.35, 11) * IncidentPainter.CELL_PX, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(painter.legend(16).entries()).extracting(Legend.Entry::label).contains(first.category());
    }

    /**
     * The most frequent categories get the palette's colours, one each, the rest one grey; a category keeps its colour
     * when a filter leaves only some incidents (colours follow the whole data), and the legend names what it shows.
     */
    @Test
    void everyFrequentCategoryHasAColourOfItsOwnThatTheFilterDoesNotChange() {
        int[] counts = new int[15];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = 1000 + 37 * ((c * 7) % 15);   // all different, not in list order
        }
        int[] colours = IncidentPainter.coloursByFrequency(counts);
        Integer[] byCount = java.util.stream.IntStream.range(0, counts.length).boxed()
                .sorted((a, b) -> Integer.compare(counts[b], counts[a])).toArray(Integer[]::new);
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int rank = 0; rank < byCount.length; rank++) {
            int colour = colours[byCount[rank]];
            if (rank < Palette.CATEGORIES.length) {
                assertThat(colour).isEqualTo(Palette.CATEGORIES[rank]).isNotEqualTo(Palette.OTHER_CATEGORIES);
                assertThat(distinct.add(colour)).as("colour of rank %d used before", rank).isTrue();
            } else {
                assertThat(colour).isEqualTo(Palette.OTHER_CATEGORIES);
            }
        }

        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        IncidentPainter all = new IncidentPainter(PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL)),
                snapshot.categories(), snapshot.categoryCounts());
        String rarest = java.util.stream.IntStream.range(0, snapshot.categories().size()).boxed()
                .min(java.util.Comparator.comparingInt(c -> snapshot.categoryCounts()[c])).map(snapshot.categories()::get).orElseThrow();
        IncidentFilter onlyRarest = IncidentFilter.ALL.withCategories(java.util.Set.of(rarest));
        IncidentPainter filtered = new IncidentPainter(PointIndex.build(snapshot, snapshot.matchingLocated(onlyRarest)),
                snapshot.categories(), snapshot.categoryCounts());
        int rarestIndex = snapshot.categories().indexOf(rarest);
        assertThat(filtered.categoryColour(rarestIndex)).isEqualTo(all.categoryColour(rarestIndex));
        assertThat(filtered.legend(17).entries()).extracting(Legend.Entry::label).containsExactly(rarest);
        int named = Math.min(snapshot.categories().size(), Palette.CATEGORIES.length);
        assertThat(all.legend(17).entries()).hasSize(named + (snapshot.categories().size() > named ? 1 : 0))
                .extracting(Legend.Entry::argb).doesNotHaveDuplicates();
    }

    @Test
    void densityClassesAreQuantilesOfTheCellDensitiesCountedOneByOne() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        PointIndex index = PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL));
        IncidentPainter painter = new IncidentPainter(index, snapshot.categories(), snapshot.categoryCounts());
        for (int zoom : new int[] {3, 9, 11, 14}) {
            double size = WebMercator.worldSize(zoom);
            java.util.Map<java.util.List<Long>, Integer> counts = new java.util.HashMap<>();
            for (int row = 0; row < snapshot.size(); row++) {
                if (snapshot.isLocated(row)) {
                    counts.merge(java.util.List.of((long) Math.floor(WebMercator.y(snapshot.lat(row)) * size / 6),
                            (long) Math.floor(WebMercator.x(snapshot.lon(row)) * size / 6)), 1, Integer::sum);
                }
            }
            double[] densities = counts.entrySet().stream().mapToDouble(cell -> {
                double lat = WebMercator.lat((cell.getKey().get(0) + 0.5) * 6 / size);
                double sideKm = WebMercator.metresPerPixel(lat, zoom) * 6 / 1000;
                return cell.getValue() / (sideKm * sideKm);
            }).sorted().toArray();
            double[] breaks = painter.breaks(zoom);
            double[] quantiles = {0.5, 0.75, 0.9, 0.97, 0.995};
            for (int q = 0; q < quantiles.length; q++) {
                double expected = densities[(int) Math.min(densities.length - 1, Math.floor(quantiles[q] * densities.length))];
                if (q > 0 && expected <= breaks[q - 1]) {
                    assertThat(breaks[q]).as("zoom %d break %d", zoom, q).isEqualTo(Math.nextUp(breaks[q - 1]));
                } else {
                    assertThat(breaks[q]).as("zoom %d break %d", zoom, q).isCloseTo(expected, within(1e-9 * expected));
                }
            }
        }
    }

    @Test
    void densityTilesColourEveryCellByAllItsIncidentsAlsoWhereTheCellCrossesTheTileEdge() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        IncidentPainter painter = new IncidentPainter(PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL)),
                snapshot.categories(), snapshot.categoryCounts());
        int zoom = 11;
        double size = WebMercator.worldSize(zoom);
        java.util.Map<Long, Integer> wholeCells = new java.util.HashMap<>();
        for (int row = 0; row < snapshot.size(); row++) {
            if (snapshot.isLocated(row)) {
                long cellRow = (long) Math.floor(WebMercator.y(snapshot.lat(row)) * size / 6);
                long cellCol = (long) Math.floor(WebMercator.x(snapshot.lon(row)) * size / 6);
                wholeCells.merge((cellRow << 32) | cellCol, 1, Integer::sum);
            }
        }
        double[] breaks = painter.breaks(zoom);
        TestIncidents.Incident first = inserted.stream().filter(i -> i.lon() != null).findFirst().orElseThrow();
        long tileX = (long) Math.floor(WebMercator.x(first.lon()) * (1 << zoom));
        long tileY = (long) Math.floor(WebMercator.y(first.lat()) * (1 << zoom));
        int checked = 0;
        for (long tx = tileX - 1; tx <= tileX + 1; tx++) {
            MapViewport tile = MapViewport.ofTile(zoom, tx, tileY);
            BufferedImage image = paint(painter, tile);
            // Every pixel: the colour of the class of its whole cell's incidents per km², or nothing.
            for (int py = 0; py < 256; py += 3) {
                for (int px = 0; px < 256; px++) {
                    double worldX = tile.originX() + px + 0.5;
                    double worldY = tile.originY() + py + 0.5;
                    long cellRow = (long) Math.floor(worldY / 6);
                    long cellCol = (long) Math.floor(worldX / 6);
                    int count = wholeCells.getOrDefault((cellRow << 32) | cellCol, 0);
                    int pixel = image.getRGB(px, py);
                    if (count == 0) {
                        assertThat(pixel >>> 24).as("tile %d px %d,%d", tx, px, py).isZero();
                        continue;
                    }
                    double lat = WebMercator.lat((cellRow + 0.5) * 6 / size);
                    double sideKm = WebMercator.metresPerPixel(lat, zoom) * 6 / 1000;
                    int expected = Palette.withAlpha(Palette.HEAT[Palette.classOf(count / (sideKm * sideKm), breaks)], 215);
                    // Java2D's blending may round a channel by one.
                    for (int shift = 0; shift <= 24; shift += 8) {
                        assertThat((pixel >>> shift) & 0xFF).as("tile %d px %d,%d channel %d", tx, px, py, shift)
                                .isCloseTo((expected >>> shift) & 0xFF, within(1));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void pointIndexWindowQueriesMatchABruteForceCount() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        PointIndex index = PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL));
        MapViewport view = new MapViewport(48.05, 29.33, 13, 300, 200);
        BoundingBox box = view.bounds();
        long expected = inserted.stream().filter(i -> i.lon() != null && box.contains(i.lon(), i.lat())).count();
        assertThat(index.count(view)).isEqualTo((int) expected).isPositive();
    }

    @Test
    void pointIndexIsOrderedByCellThenRowLikeAComparisonSort() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        PointIndex index = PointIndex.build(snapshot, snapshot.matchingLocated(IncidentFilter.ALL));
        long[] expected = java.util.stream.IntStream.range(0, snapshot.size()).filter(snapshot::isLocated)
                .mapToLong(row -> ((long) cellOf(snapshot.lon(row), snapshot.lat(row)) << 32) | row).sorted().toArray();
        assertThat(index.size()).isEqualTo(expected.length).isPositive();
        for (int i = 0; i < expected.length; i++) {
            assertThat(index.row(i)).isEqualTo((int) expected[i]);
        }
        // Cells that differ only in their high or only in their low 14 bits, and equal cells in position order.
        int[] cells = {(5 << 14) | 9, 9, (5 << 14) | 2, 9, 1 << 27};
        assertThat(PointIndex.sortByCell(cells, cells.length)).containsExactly(1, 3, 2, 0, 4);
    }

    private static int cellOf(double lon, double lat) {
        int cells = 1 << 14;
        int cx = Math.min(cells - 1, Math.max(0, (int) (WebMercator.x(lon) * cells)));
        int cy = Math.min(cells - 1, Math.max(0, (int) (WebMercator.y(lat) * cells)));
        return (cy << 14) | cx;
    }

    @Test
    void locallyDrawnTilesAreKeptOnDiskAndReadBackWithoutTheBasemap() throws Exception {
        Path cache = folder.resolve("local-cache-" + System.nanoTime());
        List<MapArea> areas = new MapLayerRepository(database).areas();
        assertThat(areas).isNotEmpty();
        int[] painters = {0};
        LocalTileSource first = LocalTileSource.cached(areas, () -> {
            painters[0]++;
            return new BasemapPainter(basemap, areas.stream().map(MapArea::shape).toList());
        }, cache);
        BufferedImage drawn = first.tile(11, 1319, 857).orElseThrow();
        assertThat(painters[0]).isEqualTo(1);
        Path folderOfKey = cache.resolve("basemap").resolve(LocalTileSource.cacheKey(areas));
        Path kept = folderOfKey.resolve("11/1319/857.argb");
        assertThat(kept).isRegularFile();
        assertThat(first.isKept(11, 1319, 857)).isTrue();
        assertThat(Files.size(kept)).as("deflated, not raw pixels").isLessThan(64 * 1024);
        int[] pixels = first.pixels(11, 1319, 857);
        for (int y = 0; y < 256; y += 17) {
            for (int x = 0; x < 256; x += 13) {
                assertThat(pixels[y * 256 + x]).isEqualTo(drawn.getRGB(x, y));
            }
        }

        // Opened again with the same boundaries: read from disk, the basemap is never asked for.
        LocalTileSource again = LocalTileSource.cached(areas, () -> {
            throw new AssertionError("the tile should have come from the cache");
        }, cache);
        BufferedImage read = again.tile(11, 1319, 857).orElseThrow();
        for (int y = 0; y < 256; y += 17) {
            for (int x = 0; x < 256; x += 13) {
                assertThat(read.getRGB(x, y)).isEqualTo(drawn.getRGB(x, y));
            }
        }

        // A damaged file counts as absent: the tile is drawn again and kept again.
        Files.write(kept, java.util.Arrays.copyOf(Files.readAllBytes(kept), 40));
        LocalTileSource redraws = LocalTileSource.cached(areas, () -> new BasemapPainter(basemap,
                areas.stream().map(MapArea::shape).toList()), cache);
        assertThat(redraws.pixels(11, 1319, 857)[128 * 256 + 128]).isEqualTo(drawn.getRGB(128, 128));
        assertThat(Files.size(kept)).isGreaterThan(40);

        // Other boundaries: another key, and the tiles of the old key are removed.
        List<MapArea> fewer = areas.subList(0, areas.size() - 1);
        assertThat(LocalTileSource.cacheKey(fewer)).isNotEqualTo(LocalTileSource.cacheKey(areas));
        LocalTileSource.cached(fewer, () -> new BasemapPainter(basemap, List.of()), cache).tile(11, 1319, 857);
        assertThat(folderOfKey).doesNotExist();
    }

    @Test
    void choroplethCountsIncidentsPerAreaAndRatesPerResident() {
        IncidentSnapshot snapshot = new IncidentSnapshots(database).current();
        List<MapArea> areas = new MapLayerRepository(database).areas();
        Map<UUID, Double> counts = AreaStatistics.values(snapshot, IncidentFilter.ALL, areas, "governorate", AreaMeasure.COUNT);
        for (MapArea area : areas) {
            long expected = inserted.stream().filter(i -> i.lon() != null && area.shape().contains(i.lon(), i.lat())).count();
            assertThat(counts.get(area.id())).isEqualTo((double) expected);
        }
        Map<UUID, Double> rates = AreaStatistics.values(snapshot, IncidentFilter.ALL, areas, "governorate", AreaMeasure.RATE);
        MapArea some = areas.get(0);
        assertThat(rates.get(some.id())).isCloseTo(1000.0 * counts.get(some.id()) / some.population(), within(1e-9));
        Map<UUID, Double> change = AreaStatistics.values(snapshot, IncidentFilter.ALL, areas, "governorate", AreaMeasure.CHANGE);
        assertThat(change).isNotEmpty();
        ChoroplethPainter painter = new ChoroplethPainter(areas, counts, AreaMeasure.COUNT, "governorate");
        BufferedImage image = paint(painter, new MapViewport(47.9, 29.3, 9, 256, 256));
        assertThat(opaquePixels(image)).isGreaterThan(256 * 256 / 3);
        MapArea under = painter.areaAt(47.98, 29.37);
        assertThat(under).isNotNull();
        assertThat(under.shape().contains(47.98, 29.37)).isTrue();
    }

    @Test
    void lassoSelectionAgreesBetweenSqlAndSnapshot() {
        List<double[]> triangle = List.of(new double[] {47.90, 29.30}, new double[] {48.10, 29.30}, new double[] {48.00, 29.42});
        IncidentFilter filter = IncidentFilter.ALL.withSelection(BoundingBox.lasso(triangle));
        long expected = inserted.stream().filter(i -> i.lon() != null && insideTriangle(i.lon(), i.lat())).count();
        assertThat(expected).isPositive();
        assertThat(new IncidentRepository(database, new IncidentSnapshots(database)).count(filter)).isEqualTo(expected);
        assertThat(new IncidentSnapshots(database).current().matching(filter)).hasSize((int) expected);
    }

    private static boolean insideTriangle(double x, double y) {
        double[][] t = {{47.90, 29.30}, {48.10, 29.30}, {48.00, 29.42}};
        double d1 = sign(x, y, t[0], t[1]);
        double d2 = sign(x, y, t[1], t[2]);
        double d3 = sign(x, y, t[2], t[0]);
        boolean negative = d1 < 0 || d2 < 0 || d3 < 0;
        boolean positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }

    private static double sign(double x, double y, double[] a, double[] b) {
        return (x - b[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (y - b[1]);
    }

    @Test
    void remoteTilesComeFromTheDiskCacheAndAnUnreachableServerIsQuiet() throws Exception {
        Path cache = folder.resolve("cache");
        // Port 9 on loopback: nothing listens, the connection is refused at once.
        RemoteTileSource source = new RemoteTileSource("http://127.0.0.1:9/{z}/{x}/{y}.png", "Test tiles", cache, Clock.systemUTC());
        long started = System.nanoTime();
        assertThat(source.tile(12, 2590, 1710)).isEmpty();
        assertThat(source.tile(12, 2591, 1710)).isEmpty();   // offline: answered from the cache only, no new attempt
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
        BufferedImage red = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        red.createGraphics().fillRect(0, 0, 256, 256);
        Path cached = source.cacheFile(12, 2590, 1711);
        Files.createDirectories(cached.getParent());
        ImageIO.write(red, "png", cached.toFile());
        assertThat(source.tile(12, 2590, 1711)).isPresent();
        assertThatThrownBy(() -> RemoteTileSource.validate("https://tiles.example.org/{z}/{x}.png")).hasMessageContaining("{y}");

        BasemapTiles tiles = new BasemapTiles(List.of(source), new LocalTileSource(new BasemapPainter(basemap, List.of())));
        assertThat(tiles.tileOrLocal(12, 2590, 1711).getRGB(10, 10)).isEqualTo(red.getRGB(10, 10));
        assertThat(tiles.tileOrLocal(12, 2590, 1712).getRGB(10, 10)).isNotEqualTo(red.getRGB(10, 10));   // drawn locally
        assertThat(tiles.attribution()).contains("Test tiles").contains("Natural Earth");
    }

    @Test
    void mbtilesServesRasterTilesInTmsOrderAndRefusesVectorTiles() throws Exception {
        Path file = folder.resolve("test.mbtiles");
        BufferedImage blue = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = blue.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(blue, "png", png);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                statement.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                statement.execute("INSERT INTO metadata VALUES ('format', 'png'), ('attribution', '<a href=\"x\">Local tiles</a>')");
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO tiles VALUES (3, 5, ?, ?)")) {
                statement.setInt(1, (1 << 3) - 1 - 2);   // XYZ row 2 is TMS row 5 at zoom 3
                statement.setBytes(2, png.toByteArray());
                statement.executeUpdate();
            }
        }
        try (MbTilesSource source = MbTilesSource.open(file, "")) {
            assertThat(source.tile(3, 5, 2)).hasValueSatisfying(t -> assertThat(t.getRGB(5, 5)).isEqualTo(Color.BLUE.getRGB()));
            assertThat(source.tile(3, 5, 5)).isEmpty();
            assertThat(source.attribution()).isEqualTo("Local tiles");
        }
        Path vector = folder.resolve("vector.mbtiles");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + vector);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            statement.execute("INSERT INTO metadata VALUES ('format', 'pbf')");
        }
        assertThatThrownBy(() -> MbTilesSource.open(vector, "")).hasMessageContaining("vector tiles");
    }

    @Test
    void snapshotRendererScalesTheSameViewToAnySize() {
        MapViewport view = new MapViewport(47.98, 29.37, 10, 800, 500);
        MapViewport bigger = MapSnapshotRenderer.resized(view, 1600, 1000);
        assertThat(bigger.zoom()).isCloseTo(11, within(1e-9));
        assertThat(bigger.bounds().minLon()).isCloseTo(view.bounds().minLon(), within(1e-9));
        BufferedImage image = MapSnapshotRenderer.render(view, new BasemapPainter(basemap, List.of()),
                List.of(new PaintedLayer("hotspots", new HotspotPainter(new MapLayerRepository(database).hotspots(runId), "test",
                        HotspotPainter.Colouring.BY_RANK), 0.8)), 1600, 1000, MapSnapshotRenderer.Decorations.FULL);
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1000);
    }

    private static BufferedImage paint(LayerPainter painter, MapViewport view) {
        BufferedImage image = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        painter.paint(g, view);
        g.dispose();
        return image;
    }

    private static int opaquePixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 0) {
                    count++;
                }
            }
        }
        return count;
    }
}

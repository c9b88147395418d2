package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class HotspotOutlineTest {

    /** Points spread evenly over a disc of the radius, on 5 m block-rounded positions like real exports. */
    private static ProjectedPoints disc(int count, double radius, long seed) {
        Random random = new Random(seed);
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            double r = radius * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            x[i] = Math.rint(r * Math.cos(angle) / 5) * 5;
            y[i] = Math.rint(r * Math.sin(angle) / 5) * 5;
        }
        return new ProjectedPoints(null, x, y);
    }

    @Test
    void aCityWideClusterIsOutlinedAroundItsPointsWithBoundedVertices() {
        double radius = 6_000;
        ProjectedPoints points = disc(150_000, radius, 1);
        int[] all = IntStream.range(0, 150_000).toArray();

        Geometry outline = HotspotBuilder.outline(points, all, 15);

        assertThat(outline.getNumPoints()).isLessThanOrEqualTo(HotspotBuilder.MAX_VERTICES + 1);
        assertThat(outline.getArea()).isCloseTo(Math.PI * radius * radius, org.assertj.core.data.Percentage.withPercentage(3));
        // Thinning and the vertex limit may cut corners by a few tens of metres, never by more than eps (150 m here).
        Geometry nearby = outline.buffer(30 * Math.sqrt(2));
        Geometry withinEps = outline.buffer(150);
        GeometryFactory factory = new GeometryFactory();
        int sampled = 0;
        int outsideNearby = 0;
        for (int i = 0; i < all.length; i += 7) {
            var point = factory.createPoint(new Coordinate(points.x()[i], points.y()[i]));
            assertThat(withinEps.contains(point)).isTrue();
            sampled++;
            outsideNearby += nearby.contains(point) ? 0 : 1;
        }
        assertThat(outsideNearby).isLessThan(sampled / 200);
    }

    @Test
    void manyPositionsAreThinnedToAtMostTheHullBudget() {
        ProjectedPoints points = disc(150_000, 6_000, 2);
        java.util.List<Coordinate> positions = new java.util.ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            positions.add(new Coordinate(points.x()[i], points.y()[i]));
        }
        assertThat(HotspotBuilder.thinned(positions, 30)).hasSizeBetween(HotspotBuilder.HULL_POINTS / 4, HotspotBuilder.HULL_POINTS);
    }

    @Test
    void smallClustersKeepEveryPosition() {
        java.util.List<Coordinate> positions = java.util.List.of(new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(0, 1));
        assertThat(HotspotBuilder.thinned(positions, 30)).isSameAs(positions);
    }
}

package vn.socialmap.geography;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Random points inside units, for generated data; deterministic for a given {@link Random}.
 * An optional mask keeps the points inside another area too: a unit of an earlier structure,
 * whose approximate shape may stray over today's province border by a sliver, sampled where
 * today's communes also lie.
 */
public final class PointSampler {

    private final Map<Object, IndexedPointInAreaLocator> locators = new HashMap<>();
    private final Random random;
    private final Geometry mask;

    public PointSampler(Random random) {
        this(random, null);
    }

    public PointSampler(Random random, Geometry mask) {
        this.random = random;
        this.mask = mask;
    }

    /** A point strictly inside the unit (and the mask), rounded to 6 decimals (about 10 cm), or its interior point. */
    public Coordinate inside(AdminUnit unit) {
        IndexedPointInAreaLocator locator = locators.computeIfAbsent(unit.ref(), c -> new IndexedPointInAreaLocator(unit.getGeom()));
        IndexedPointInAreaLocator within = mask == null ? null : locators.computeIfAbsent(mask, m -> new IndexedPointInAreaLocator(mask));
        Envelope env = unit.getGeom().getEnvelopeInternal();
        for (int tries = 0; tries < 1000; tries++) {
            Coordinate c = new Coordinate(round(env.getMinX() + random.nextDouble() * env.getWidth()),
                    round(env.getMinY() + random.nextDouble() * env.getHeight()));
            if (locator.locate(c) == Location.INTERIOR && (within == null || within.locate(c) == Location.INTERIOR)) {
                return c;
            }
        }
        return unit.getGeom().getInteriorPoint().getCoordinate();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}

package vn.socialmap.geography;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which of a set of units holds a point, boundary included (PostGIS's {@code ST_Covers}): the
 * units' boxes in an R-tree, each shape tested with an indexed point-in-area locator. Built once
 * for the units of a structure and reused: thousands of residences are placed at a time.
 */
final class CommuneLocator {

    private record Entry(String code, IndexedPointInAreaLocator locator) {
    }

    private final STRtree index = new STRtree();

    CommuneLocator(List<AdminUnit> units) {
        units.stream().sorted(Comparator.comparing(AdminUnit::getCode)).forEach(u ->
                index.insert(u.getGeom().getEnvelopeInternal(), new Entry(u.getCode(), new IndexedPointInAreaLocator(u.getGeom()))));
        index.build();
    }

    /** The code of the unit covering the point; on a shared border the lowest code; null when none does. */
    String locate(double longitude, double latitude) {
        Coordinate c = new Coordinate(longitude, latitude);
        String found = null;
        for (Object o : index.query(new Envelope(c))) {
            Entry e = (Entry) o;
            if (e.locator().locate(c) != Location.EXTERIOR && (found == null || e.code().compareTo(found) < 0)) {
                found = e.code();
            }
        }
        return found;
    }
}

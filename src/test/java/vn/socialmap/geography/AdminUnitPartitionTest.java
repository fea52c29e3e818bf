package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.partition.PredecessorShapes;

/**
 * The approximate communes are what their derivation gives: deriving Ba Đình's 2025-01 communes
 * again from the stored district and today's communes gives exactly the stored shapes.
 */
class AdminUnitPartitionTest extends IntegrationTest {

    static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);

    @Autowired
    AdminUnitService units;
    @Autowired
    AdminStructures structures;
    @Autowired
    Successions successions;

    @Test
    void theStoredShapesAreTheirDerivation() {
        AdminUnit baDinh = units.find("001", MARCH_2025).orElseThrow();
        List<AdminUnit> stored = units.children(baDinh);
        Map<String, Geometry> today = new LinkedHashMap<>();
        units.byLevel("01", AdminLevel.COMMUNE).forEach(c -> today.put(c.getCode(), c.getGeom()));
        List<PredecessorShapes.Predecessor> predecessors = new ArrayList<>();
        for (AdminUnit c : stored) {
            predecessors.add(new PredecessorShapes.Predecessor(c.getCode(), "001",
                    Set.copyOf(successions.carry(c.ref(), structures.require("2025-07")))));
        }
        PredecessorShapes shapes = new PredecessorShapes(new GeometryFactory(new PrecisionModel(), 4326));
        var first = shapes.derive(Map.of("001", baDinh.getGeom()), today, predecessors, 1L);
        var again = shapes.derive(Map.of("001", baDinh.getGeom()), today, predecessors, 1L);
        for (AdminUnit c : stored) {
            assertThat(first.shapes().get(c.getCode()).equalsExact(again.shapes().get(c.getCode()))).as(c.getCode()).isTrue();
        }
        // as loaded (the province's code is the loader's seed); WKT carries the coordinates to the database
        var asLoaded = shapes.derive(Map.of("001", baDinh.getGeom()), today, predecessors, Long.parseLong("01"));
        var multi = new vn.socialmap.geography.partition.CommunePartitioner(new GeometryFactory(new PrecisionModel(), 4326));
        for (AdminUnit c : stored) {
            assertThat(multi.toMultiPolygon(asLoaded.shapes().get(c.getCode())).norm().equalsExact(c.getGeom().norm(), 1e-12))
                    .as("stored shape of %s", c.getCode()).isTrue();
        }
    }
}

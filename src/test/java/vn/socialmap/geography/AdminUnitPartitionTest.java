package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.partition.CommunePartitioner;

/** The partition is deterministic: the same input gives exactly the stored polygons. */
class AdminUnitPartitionTest extends IntegrationTest {

    @Autowired
    AdminUnitService units;

    @Test
    void samePolygonsOnEveryRun() {
        AdminUnit baDinh = units.find("001").orElseThrow();
        List<AdminUnit> stored = units.children("001");
        List<String> codes = stored.stream().map(AdminUnit::getCode).sorted().toList();

        CommunePartitioner partitioner = new CommunePartitioner(new GeometryFactory(new PrecisionModel(), 4326));
        Map<String, Geometry> first = partitioner.partition(baDinh.getGeom(), codes, 1L);
        Map<String, Geometry> second = partitioner.partition(baDinh.getGeom(), codes, 1L);
        for (String code : codes) {
            assertThat(first.get(code).equalsExact(second.get(code))).as(code).isTrue();
        }
        Map<String, Geometry> asLoaded = partitioner.partition(baDinh.getGeom(), codes, Long.parseLong("001"));
        for (AdminUnit commune : stored) {
            assertThat(partitioner.toMultiPolygon(asLoaded.get(commune.getCode())).equalsExact(commune.getGeom()))
                    .as("stored shape of %s", commune.getCode()).isTrue();
        }
    }
}

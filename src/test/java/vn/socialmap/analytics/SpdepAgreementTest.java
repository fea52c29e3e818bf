package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * Gi* and local Moran on Hanoi's 126 communes of today (their real boundaries) agree with R
 * spdep. The fixture was made by src/test/r/hotspot-fixtures.R (spdep 1.2-7, sf 1.0-9, planar)
 * from the communes as stored (exported by src/test/r/export-communes.sh) with the people
 * living in each commune as values; the test
 * takes the polygons from the database and the values from the fixture, so the weights are
 * rebuilt here from the same shapes and only the arithmetic is compared.
 */
class SpdepAgreementTest extends IntegrationTest {

    record Reference(String code, double value, int neighbours, double gistarZ, double ii) {
    }

    static List<Reference> reference;

    @Autowired
    AdminUnitService units;

    @BeforeAll
    static void readFixture() throws IOException {
        reference = new ArrayList<>();
        try (InputStream in = SpdepAgreementTest.class.getResourceAsStream("/analytics/hanoi-communes-spdep.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.replace("\"", "").split(",");
                reference.add(new Reference(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
        }
    }

    private List<AdminUnit> communes() {
        List<AdminUnit> communes = new ArrayList<>(units.byLevel("01", AdminLevel.COMMUNE));
        communes.sort(Comparator.comparing(AdminUnit::getCode));
        assertThat(communes).extracting(AdminUnit::getCode).containsExactlyElementsOf(reference.stream().map(Reference::code).toList());
        return communes;
    }

    private double[] values() {
        return reference.stream().mapToDouble(Reference::value).toArray();
    }

    @Test
    void queenNeighboursAreSpdepsPoly2nb() {
        SpatialWeights w = SpatialWeights.queen(communes().stream().map(AdminUnit::getGeom).toList(), false);
        for (int i = 0; i < reference.size(); i++) {
            assertThat(w.neighbours()[i].length).as(reference.get(i).code()).isEqualTo(reference.get(i).neighbours());
        }
        assertThat(w.links()).isEqualTo(694);
    }

    @Test
    void giStarZScoresAgreeWithLocalGToOneInABillion() {
        SpatialWeights w = SpatialWeights.queen(communes().stream().map(AdminUnit::getGeom).toList(), true);
        double[] z = HotspotStatistics.giStar(values(), w);
        for (int i = 0; i < reference.size(); i++) {
            assertThat(z[i]).as(reference.get(i).code()).isCloseTo(reference.get(i).gistarZ(), within(1e-9));
        }
        // the data has hot and cold spots, so the comparison is not between zeros
        assertThat(java.util.Arrays.stream(z).max().orElseThrow()).isGreaterThan(2.58);
        assertThat(java.util.Arrays.stream(z).min().orElseThrow()).isLessThan(-1.96);
    }

    @Test
    void localMoranIiAgreesWithLocalmoran() {
        SpatialWeights w = SpatialWeights.queen(communes().stream().map(AdminUnit::getGeom).toList(), false);
        var moran = HotspotStatistics.localMoran(values(), w, 0, 1);
        for (int i = 0; i < reference.size(); i++) {
            assertThat(moran.ii()[i]).as(reference.get(i).code()).isCloseTo(reference.get(i).ii(), within(1e-9));
        }
    }
}

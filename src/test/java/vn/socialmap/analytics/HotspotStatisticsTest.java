package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics on inputs small enough to work by hand. */
class HotspotStatisticsTest {

    /** Five units in a row: each touches the next. */
    private static SpatialWeights row(boolean self) {
        int[][] nb = new int[5][];
        for (int i = 0; i < 5; i++) {
            java.util.List<Integer> l = new java.util.ArrayList<>();
            if (i > 0) {
                l.add(i - 1);
            }
            if (self) {
                l.add(i);
            }
            if (i < 4) {
                l.add(i + 1);
            }
            nb[i] = l.stream().mapToInt(Integer::intValue).toArray();
        }
        return new SpatialWeights(nb);
    }

    @Test
    void giStarByHand() {
        // x = 1,2,3,4,10: mean 4, s^2 = (9+4+1+0+36)/5 = 10. Unit 4 (value 10) with itself and unit 3:
        // W = 2, S1 = 2, lag = 14, z = (14 - 8) / sqrt(10 * (5*2 - 4) / 4) = 6 / sqrt(15)
        double[] z = HotspotStatistics.giStar(new double[] {1, 2, 3, 4, 10}, row(true));
        assertThat(z[4]).isCloseTo(6 / Math.sqrt(15), within(1e-12));
        // unit 0: W = 2, lag = 3, z = (3 - 8) / sqrt(15)
        assertThat(z[0]).isCloseTo(-5 / Math.sqrt(15), within(1e-12));
        // unit 2: W = 3, S1 = 3, lag = 9, z = (9 - 12) / sqrt(10 * (15 - 9) / 4)
        assertThat(z[2]).isCloseTo(-3 / Math.sqrt(15), within(1e-12));
    }

    @Test
    void equalValuesAreNeitherHotNorCold() {
        assertThat(HotspotStatistics.giStar(new double[] {3, 3, 3, 3, 3}, row(true))).containsOnly(0.0);
    }

    @Test
    void pValuesAreTwoSided() {
        double[] p = HotspotStatistics.twoSidedP(new double[] {1.959963984540054, -2.5758293035489, 0});
        assertThat(p[0]).isCloseTo(0.05, within(1e-12));
        assertThat(p[1]).isCloseTo(0.01, within(1e-12));
        assertThat(p[2]).isEqualTo(1.0);
    }

    @Test
    void benjaminiHochbergOnAWorkedExample() {
        // p sorted: 0.01, 0.02, 0.03, 0.04, 0.20 (n = 5); p*n/rank = 0.05, 0.05, 0.05, 0.05, 0.20;
        // given out of order, each keeps its own adjusted value
        double[] adjusted = HotspotStatistics.benjaminiHochberg(new double[] {0.04, 0.20, 0.01, 0.03, 0.02});
        assertThat(adjusted).containsExactly(new double[] {0.05, 0.20, 0.05, 0.05, 0.05}, within(1e-12));
        // monotone step: 0.001, 0.04, 0.045 (n = 3) -> 0.003, 0.045, 0.045
        assertThat(HotspotStatistics.benjaminiHochberg(new double[] {0.045, 0.001, 0.04}))
                .containsExactly(new double[] {0.045, 0.003, 0.045}, within(1e-12));
        assertThat(HotspotStatistics.benjaminiHochberg(new double[] {0.9, 0.8})).containsExactly(new double[] {0.9, 0.9}, within(1e-12));
    }

    @Test
    void binsFollowArcGis() {
        assertThat(HotspotStatistics.confidenceBin(3.1, 0.002)).isEqualTo(3);
        assertThat(HotspotStatistics.confidenceBin(-2.1, 0.03)).isEqualTo(-2);
        assertThat(HotspotStatistics.confidenceBin(1.7, 0.09)).isEqualTo(1);
        assertThat(HotspotStatistics.confidenceBin(1.0, 0.3)).isZero();
    }

    @Test
    void localMoranByHandAndReproduciblePermutations() {
        // x = 1,2,3,4,10, z = -3,-2,-1,0,6, m2 = 10; unit 4: lag (W) = z_3 = 0 -> Ii = 0; unit 0: lag = -2 -> Ii = -3/10 * -2
        double[] x = {1, 2, 3, 4, 10};
        var moran = HotspotStatistics.localMoran(x, row(false), 99, 42);
        assertThat(moran.ii()[4]).isCloseTo(0, within(1e-12));
        assertThat(moran.ii()[0]).isCloseTo(0.6, within(1e-12));
        assertThat(moran.ii()[2]).isCloseTo(-1 / 10.0 * (-2 + 0) / 2, within(1e-12));
        assertThat(moran.pseudoP()).hasSize(x.length);
        assertThat(java.util.Arrays.stream(moran.pseudoP()).allMatch(p -> p >= 0.01 && p <= 1)).isTrue();
        assertThat(HotspotStatistics.localMoran(x, row(false), 99, 42).pseudoP()).containsExactly(moran.pseudoP());
    }

    @Test
    void distanceBandUsesGreatCircleMetres() {
        // one degree of latitude is 2 pi 6,371,008.8 / 360 = 111,195.08 m on the mean sphere
        assertThat(SpatialWeights.greatCircleMetres(105, 21, 105, 22)).isCloseTo(111_195.08, within(0.01));
        double[] lon = {105.0, 105.0, 105.0};
        double[] lat = {21.0, 21.009, 21.02};
        SpatialWeights w = SpatialWeights.distanceBand(lon, lat, 1_100, true);
        assertThat(w.neighbours()[0]).containsExactly(0, 1);
        assertThat(w.neighbours()[1]).containsExactly(0, 1);
        assertThat(w.neighbours()[2]).containsExactly(2);
    }
}

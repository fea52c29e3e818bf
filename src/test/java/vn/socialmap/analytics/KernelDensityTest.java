package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The quartic kernel density pinned to values computed by hand. */
class KernelDensityTest {

    /** Metres per degree on the equator, where the projection's x and y scales are equal. */
    private static final double M = Math.toRadians(1) * SpatialWeights.EARTH_RADIUS_METRES;

    /**
     * Two points on the equator 1,000 m apart, at x = 0 and x = 1000 (y = 0); radius r = 1000 m,
     * cells of 250 m. The grid spans the points plus r: west = -1000, north = 1000, 12 columns
     * (3000 / 250) and 8 rows (2000 / 250). Each point adds 3/(pi r^2) (1 - d^2/r^2)^2 per m^2,
     * i.e. 3/pi (1 - d^2/r^2)^2 per km^2 for r = 1 km.
     * <ul>
     *   <li>row 3, column 5: centre (-1000 + 5.5 * 250, 1000 - 3.5 * 250) = (375, 125).
     *       To the first point d^2 = 375^2 + 125^2 = 156,250, u^2 = 0.15625, (1 - u^2)^2 = 0.7119140625;
     *       to the second d^2 = 625^2 + 125^2 = 406,250, u^2 = 0.40625, (1 - u^2)^2 = 0.3525390625.
     *       Density = 3/pi * 1.064453125 = 1.01647785920 per km^2.</li>
     *   <li>row 3, column 1: centre (-625, 125): the first point as above gives 0.3525390625; the
     *       second is 1,625 m away, beyond r. Density = 3/pi * 0.3525390625 = 0.33665000658.</li>
     *   <li>row 0, column 0: centre (-875, 875), 1,237 m from the first point: 0.</li>
     * </ul>
     */
    @Test
    void densityAtACellIsTheSumOfTheQuarticKernelsComputedByHand() {
        var grid = KernelDensity.estimate(List.of(new double[] {0, 0}, new double[] {1000 / M, 0}), 250, 1000);
        assertThat(grid.columns()).isEqualTo(12);
        assertThat(grid.rows()).isEqualTo(8);
        assertThat(grid.bandwidthMeters()).isEqualTo(1000);
        assertThat(grid.points()).isEqualTo(2);
        assertThat(grid.west()).isCloseTo(-1000 / M, within(1e-12));
        assertThat(grid.north()).isCloseTo(1000 / M, within(1e-12));
        assertThat(grid.east()).isCloseTo(2000 / M, within(1e-12));
        assertThat(grid.south()).isCloseTo(-1000 / M, within(1e-12));
        // tolerance: the points' longitudes go through degrees and back, a few ulps of a metre
        assertThat(grid.values()[3 * 12 + 5]).isCloseTo(1.0164778592001908, within(1e-9));
        assertThat(grid.values()[3 * 12 + 1]).isCloseTo(0.3366500065791458, within(1e-9));
        assertThat(grid.values()[0]).isZero();
        assertThat(grid.max()).isGreaterThanOrEqualTo(grid.values()[3 * 12 + 5]);
    }

    /**
     * The same two points: mean centre (500, 0), both 500 m from it, so the standard distance
     * and the median distance are 500; sqrt(1/ln 2) * 500 = 600.6 is larger, so the radius is
     * 0.9 * 500 * 2^-0.2 = 391.74775348 m.
     */
    @Test
    void theDefaultRadiusIsArcGisRuleComputedByHand() {
        assertThat(KernelDensity.defaultBandwidth(new double[] {0, 1000}, new double[] {0, 0}))
                .isCloseTo(391.74775348325585, within(1e-9));
        var grid = KernelDensity.estimate(List.of(new double[] {0, 0}, new double[] {1000 / M, 0}), 250, 0);
        assertThat(grid.bandwidthMeters()).isCloseTo(391.74775348325585, within(1e-6));
    }

    @Test
    void fewerThanTwoPointsOrOneSpotAreRefused() {
        assertThatThrownBy(() -> KernelDensity.estimate(List.of(new double[] {105.8, 21.0}), 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KernelDensity.estimate(List.of(new double[] {105.8, 21.0}, new double[] {105.8, 21.0}), 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

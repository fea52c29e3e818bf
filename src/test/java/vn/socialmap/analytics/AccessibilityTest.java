package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.socialmap.analytics.Accessibility.Demand;
import vn.socialmap.analytics.Accessibility.Supply;

/** E2SFCA worked by hand on a small grid with exact distances. */
class AccessibilityTest {

    /** Points on a line, metres given by their x, so every distance is known exactly. */
    private static final Accessibility.Distances LINE = (d, s) -> Math.abs(d.lon() - s.lon());

    @Test
    void decayIsOneAtTheServiceAndZeroAtTheCatchmentEdge() {
        assertThat(Accessibility.gaussianDecay(0, 1000)).isEqualTo(1.0);
        assertThat(Accessibility.gaussianDecay(1000, 1000)).isCloseTo(0, within(1e-15));
        assertThat(Accessibility.gaussianDecay(1001, 1000)).isZero();
        double e = Math.exp(-0.5);
        assertThat(Accessibility.gaussianDecay(500, 1000)).isCloseTo((Math.exp(-0.125) - e) / (1 - e), within(1e-15));
    }

    @Test
    void e2sfcaByHand() {
        // demand A at 0 (weight 100), B at 500 (weight 50), C at 3000 (weight 10); one service of 15 places at 0,
        // one of 2 places at 2600; catchment 1000 m
        List<Demand> demand = List.of(new Demand("A", 0, 0, 100), new Demand("B", 500, 0, 50), new Demand("C", 3000, 0, 10));
        List<Supply> supply = List.of(new Supply("S1", 0, 0, 15), new Supply("S2", 2600, 0, 2));
        double w500 = Accessibility.gaussianDecay(500, 1000);
        double w400 = Accessibility.gaussianDecay(400, 1000);
        double r1 = 15 / (100 * 1 + 50 * w500);
        double r2 = 2 / (10 * w400);
        double[] a = Accessibility.e2sfca(demand, supply, 1000, LINE);
        assertThat(a[0]).isCloseTo(r1, within(1e-15));
        assertThat(a[1]).isCloseTo(r1 * w500, within(1e-15));
        assertThat(a[2]).isCloseTo(r2 * w400, within(1e-15));
        // the total of A_i P_i equals the total supply reached by some demand
        assertThat(a[0] * 100 + a[1] * 50 + a[2] * 10).isCloseTo(17, within(1e-12));
    }

    @Test
    void theScoreIsSupplyPerPersonOnRecordNotPerResident() {
        // a clinic of 200 places with the 40 and 60 people on record of two communes at its door: whatever
        // their population, each commune reaches 200 / (40 + 60) = 2 places per person on record, which the
        // map shows as 2,000 places per 1,000 people on record (AnalyticsView, analytics.score.unit.PLACES)
        List<Demand> demand = List.of(new Demand("A", 0, 0, 40), new Demand("B", 0, 0, 60));
        double[] a = Accessibility.e2sfca(demand, List.of(new Supply("clinic", 0, 0, 200)), 1000, LINE);
        assertThat(a).containsExactly(2.0, 2.0);
        assertThat(AccessibilityService.SupplyUnit.of(1, 1)).isEqualTo(AccessibilityService.SupplyUnit.PLACES);
        assertThat(AccessibilityService.SupplyUnit.of(0, 3)).isEqualTo(AccessibilityService.SupplyUnit.SERVICES);
        assertThat(AccessibilityService.SupplyUnit.of(2, 3)).isEqualTo(AccessibilityService.SupplyUnit.PLACES_OR_SERVICES);
    }

    @Test
    void nearestIsTheSmallestDistanceAndInfiniteWithoutServices() {
        List<Demand> demand = List.of(new Demand("A", 0, 0, 1), new Demand("B", 2000, 0, 1));
        assertThat(Accessibility.nearest(demand, List.of(new Supply("S", 500, 0, 1), new Supply("T", 1800, 0, 1)), LINE))
                .containsExactly(500, 200);
        assertThat(Accessibility.nearest(demand, List.of(), LINE)).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void theFastGreatCirclePathAgreesWithTheHaversine() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<Demand> demand = new java.util.ArrayList<>();
        List<Supply> supply = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            demand.add(new Demand("d" + i, 105.3 + random.nextDouble() * 0.8, 20.6 + random.nextDouble() * 0.8, random.nextInt(50)));
        }
        for (int j = 0; j < 40; j++) {
            supply.add(new Supply("s" + j, 105.3 + random.nextDouble() * 0.8, 20.6 + random.nextDouble() * 0.8, 1 + random.nextInt(200)));
        }
        // the same function, not the same constant: takes the general path
        Accessibility.Distances haversine = (d, s) -> SpatialWeights.greatCircleMetres(d.lon(), d.lat(), s.lon(), s.lat());
        double[] fast = Accessibility.e2sfca(demand, supply, 8000, Accessibility.Distances.GREAT_CIRCLE);
        double[] slow = Accessibility.e2sfca(demand, supply, 8000, haversine);
        double[] fastNearest = Accessibility.nearest(demand, supply, Accessibility.Distances.GREAT_CIRCLE);
        double[] slowNearest = Accessibility.nearest(demand, supply, haversine);
        for (int i = 0; i < demand.size(); i++) {
            assertThat(fast[i]).isCloseTo(slow[i], within(1e-9 * Math.max(1, slow[i])));
            assertThat(fastNearest[i]).isCloseTo(slowNearest[i], within(1e-6));
        }
    }
}

package vn.socialmap.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import vn.socialmap.base.SimpleCsv;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.cases.CaseBulkLoader;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;

/**
 * In demo mode, loads the calibrated synthetic people of Hà Nội and Đà Nẵng once. People
 * live in districts in proportion to Plan 78 Appendix I (compulsory dossiers per
 * district) and enter facilities in proportion to Appendix II.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationListener<GeographyReady> {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CaseBulkLoader loader;
    private final AdminUnitService units;
    private final boolean enabled;
    private final Resource districtTargets;
    private final Resource facilityTargets;

    DemoDataLoader(CaseBulkLoader loader, AdminUnitService units,
                   @Value("${socialmap.demo.enabled:false}") boolean enabled,
                   @Value("classpath:gis-data/hanoi-plan78-2022-district-targets.csv") Resource districtTargets,
                   @Value("classpath:gis-data/hanoi-plan78-2022-facility-targets.csv") Resource facilityTargets) {
        this.loader = loader;
        this.units = units;
        this.enabled = enabled;
        this.districtTargets = districtTargets;
        this.facilityTargets = facilityTargets;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        if (!enabled) {
            return;
        }
        load(DemoCalibration.hanoi(), hanoiDistrictWeights(), hanoiFacilities());
        load(DemoCalibration.daNang(), Map.of(), new DemoPopulation.Facilities(Map.of("DN-1", 1.0), Map.of("DN-1", 1.0)));
    }

    private void load(DemoCalibration calibration, Map<String, Double> weights, DemoPopulation.Facilities facilities) {
        if (units.find(calibration.provinceCode()).isEmpty() || loader.hasDemoPersons(calibration.provinceCode())) {
            return;
        }
        long start = System.nanoTime();
        List<DemoPopulation.District> districts = new ArrayList<>();
        for (AdminUnit district : units.byLevel(calibration.provinceCode(), AdminLevel.DISTRICT)) {
            List<AdminUnit> communes = units.children(district.getCode());
            if (!communes.isEmpty()) {
                districts.add(new DemoPopulation.District(district, communes,
                        weights.getOrDefault(district.getCode(), (double) communes.size())));
            }
        }
        var seeds = new DemoPopulation(calibration, districts, facilities).generate();
        int loaded = loader.load(seeds).size();
        log.info("Demo data for province {}: {} people, {} events in {} ms", calibration.provinceCode(), loaded,
                seeds.stream().mapToInt(s -> s.events().size()).sum(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Appendix I gives districts by name; weights are their compulsory dossier targets. */
    Map<String, Double> hanoiDistrictWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        List<AdminUnit> districts = units.byLevel("01", AdminLevel.DISTRICT);
        for (String[] row : SimpleCsv.rows(districtTargets)) {
            String name = VietnameseText.fold(row[1]);
            districts.stream().filter(d -> VietnameseText.fold(d.getName()).endsWith(" " + name)).findFirst()
                    .ifPresent(d -> weights.put(d.getCode(), Double.parseDouble(row[2])));
        }
        if (weights.size() != districts.size()) {
            throw new IllegalStateException("Appendix I names " + weights.size() + " of " + districts.size() + " districts");
        }
        return weights;
    }

    /** Appendix II: facility number n is facility code "n"; empty cells mean the facility takes none. */
    DemoPopulation.Facilities hanoiFacilities() {
        Map<String, Double> compulsory = new LinkedHashMap<>();
        Map<String, Double> voluntary = new LinkedHashMap<>();
        for (String[] row : SimpleCsv.rows(facilityTargets)) {
            if (!row[2].isBlank()) {
                compulsory.put(row[0], Double.parseDouble(row[2]));
            }
            if (row.length > 3 && !row[3].isBlank()) {
                voluntary.put(row[0], Double.parseDouble(row[3]));
            }
        }
        return new DemoPopulation.Facilities(compulsory, voluntary);
    }

}

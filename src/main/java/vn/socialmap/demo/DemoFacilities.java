package vn.socialmap.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.base.SimpleCsv;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.facilities.FacilityForm;
import vn.socialmap.facilities.FacilityRegistryLoader;
import vn.socialmap.facilities.FacilityStatus;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;
import vn.socialmap.geography.PointSampler;

/**
 * Demo service network of Hà Nội: the 7 public rehab facilities of Plan 78 Appendix II
 * (codes "1".."7", capacities from their 2022 targets), 40 Methadone clinics, 14
 * counseling points in 7 districts, the post-rehab models of Appendix I (87 kept from
 * 2021, 172 new in 2022, in communes of each district), a health facility designated
 * per district, a few private facilities and providers, and synthetic hotspots.
 */
@Component
// before the facility mergers (vn.socialmap.facilities.FacilityMergers, last), which close the merged ones
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
class DemoFacilities implements ApplicationListener<GeographyReady> {

    /** Suburban districts for the public facilities (plausible, not their real addresses). */
    static final String[] PUBLIC_FACILITY_DISTRICTS = {"271", "269", "271", "277", "276", "018", "016"};
    static final String[] COUNSELING_DISTRICTS = {"001", "002", "006", "007", "008", "004", "268"};
    static final int METHADONE_CLINICS = 40;
    static final int HOTSPOTS = 60;
    static final int PRIVATE_FACILITIES = 15;
    /** The day whose units Plan 78's network is described in. */
    static final LocalDate PLAN_78 = LocalDate.of(2022, 3, 10);
    private static final Logger log = LoggerFactory.getLogger(DemoFacilities.class);

    private final FacilityRegistryLoader registry;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final Resource districtTargets;
    private final Resource facilityTargets;

    DemoFacilities(FacilityRegistryLoader registry, AdminUnitService units, AdminStructures structures,
                   TransactionTemplate transaction,
                   @Value("${socialmap.demo.enabled:false}") boolean enabled,
                   @Value("classpath:gis-data/hanoi-plan78-2022-district-targets.csv") Resource districtTargets,
                   @Value("classpath:gis-data/hanoi-plan78-2022-facility-targets.csv") Resource facilityTargets) {
        this.registry = registry;
        this.units = units;
        this.structures = structures;
        this.transaction = transaction;
        this.enabled = enabled;
        this.districtTargets = districtTargets;
        this.facilityTargets = facilityTargets;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        if (!enabled || units.find("01").isEmpty() || registry.hasDemo("01")) {
            return;
        }
        long start = System.nanoTime();
        List<FacilityForm> forms = hanoi();
        transaction.executeWithoutResult(s -> registry.loadDemo(forms));
        log.info("Demo facilities for province 01: {} in {} ms", forms.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The network as Plan 78 describes it, placed in the units of 2022 (its districts and
     * communes), then registered in today's communes: the ones holding each location.
     */
    List<FacilityForm> hanoi() {
        Random random = new Random(78_2022L);
        // inside today's communes too: the approximate communes of 2022 may stray over the city's border by a sliver
        PointSampler points = new PointSampler(random, units.communeCover("01", units.today()));
        List<FacilityForm> forms = new ArrayList<>();
        List<AdminUnit> districts = units.byLevel("01", AdminLevel.DISTRICT, PLAN_78);
        LocalDate since = LocalDate.of(2018, 1, 1);

        List<String[]> facilityRows = SimpleCsv.rows(facilityTargets);
        for (int i = 0; i < facilityRows.size(); i++) {
            String[] row = facilityRows.get(i);
            AdminUnit commune = someCommune(PUBLIC_FACILITY_DISTRICTS[i], random);
            long compulsory = row[2].isBlank() ? 0 : Long.parseLong(row[2]);
            long voluntary = row[3].isBlank() ? 0 : Long.parseLong(row[3]);
            Map<String, Object> details = new HashMap<>();
            details.put("capacity", Math.max(300, (compulsory + voluntary) * 2));
            details.put("compulsory", compulsory > 0);
            details.put("voluntary", voluntary > 0);
            forms.add(form(FacilityType.PUBLIC_REHAB, row[0], row[1], commune, points, since, details, random));
        }
        for (int i = 0; i < METHADONE_CLINICS; i++) {
            AdminUnit district = districts.get(i % districts.size());
            AdminUnit commune = someCommune(district.getCode(), random);
            int capacity = 150 + 50 * random.nextInt(6);
            forms.add(form(FacilityType.METHADONE_CLINIC, "MMT-" + (i + 1), "Cơ sở điều trị Methadone "
                    + shortName(district) + (i >= districts.size() ? " 2" : ""), commune, points, since,
                    Map.of("capacity", capacity, "patients", capacity * (60 + random.nextInt(40)) / 100), random));
        }
        for (int i = 0; i < COUNSELING_DISTRICTS.length * 2; i++) {
            String districtCode = COUNSELING_DISTRICTS[i / 2];
            AdminUnit commune = someCommune(districtCode, random);
            forms.add(form(FacilityType.COUNSELING_POINT, "TV-" + (i + 1), "Điểm tư vấn cộng đồng " + commune.getName(),
                    commune, points, LocalDate.of(2020, 6, 1), Map.of(), random));
        }
        for (AdminUnit district : districts) {
            AdminUnit commune = someCommune(district.getCode(), random);
            forms.add(form(FacilityType.DESIGNATED_HEALTH, "YT-" + district.getCode(), "Trung tâm Y tế " + district.getName(),
                    commune, points, since, Map.of(), random));
            // two providers per district, each serving a share of its communes
            List<AdminUnit> communes = units.children(district);
            int half = Math.max(1, communes.size() / 2);
            for (int p = 0; p < 2 && p * half < communes.size(); p++) {
                List<String> served = communes.subList(p * half, Math.min(communes.size(), (p + 1) * half)).stream()
                        .map(AdminUnit::getCode).toList();
                AdminUnit home = units.find(served.getFirst(), PLAN_78).orElseThrow();
                forms.add(form(FacilityType.COMMUNITY_PROVIDER, "DV-" + district.getCode() + "-" + (p + 1), "Trạm Y tế "
                        + home.getName() + " (dịch vụ cai nghiện tại cộng đồng)", home, points, LocalDate.of(2021, 1, 1),
                        Map.of("servedCommunes", served), random));
            }
        }
        for (int i = 0; i < PRIVATE_FACILITIES; i++) {
            AdminUnit district = districts.get((i * 2) % districts.size());
            AdminUnit commune = someCommune(district.getCode(), random);
            forms.add(form(FacilityType.PRIVATE_REHAB, "TN-" + (i + 1), "Cơ sở cai nghiện tự nguyện tư nhân số " + (i + 1),
                    commune, points, LocalDate.of(2019, 1, 1), Map.of("capacity", 50 + 10 * random.nextInt(10)), random));
        }
        forms.addAll(models(districts, points, random));
        for (int i = 0; i < HOTSPOTS; i++) {
            AdminUnit district = districts.get(random.nextInt(districts.size()));
            AdminUnit commune = someCommune(district.getCode(), random);
            String[] severities = {"LOW", "MEDIUM", "HIGH"};
            forms.add(form(FacilityType.HOTSPOT, "DTD-" + (i + 1), "Điểm phức tạp về ma túy (mẫu) " + (i + 1), commune,
                    points, LocalDate.of(2022, 1, 1), Map.of("severity", severities[random.nextInt(3)],
                            "periodFrom", "2022-01-01"), random));
        }
        return inTodaysCommunes(forms);
    }

    /** The forms with the communes of today holding their locations (and served communes' centres). */
    private List<FacilityForm> inTodaysCommunes(List<FacilityForm> forms) {
        Map<Long, double[]> locations = new HashMap<>();
        Map<Long, double[]> servedCentres = new HashMap<>();
        Map<String, Long> servedIds = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            locations.put((long) i, new double[] {forms.get(i).longitude(), forms.get(i).latitude()});
            if (forms.get(i).details().get("servedCommunes") instanceof List<?> served) {
                for (Object code : served) {
                    units.find(code.toString(), PLAN_78).ifPresent(c -> {
                        long id = servedIds.computeIfAbsent(c.getCode(), k -> (long) servedIds.size());
                        var centre = c.getGeom().getInteriorPoint();
                        servedCentres.put(id, new double[] {centre.getX(), centre.getY()});
                    });
                }
            }
        }
        String today = structures.current().code();
        Map<Long, String> communes = units.communesAt(today, "01", locations);
        Map<Long, String> servedToday = units.communesAt(today, "01", servedCentres);
        List<FacilityForm> result = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            FacilityForm f = forms.get(i);
            Map<String, Object> details = new HashMap<>(f.details());
            if (f.details().get("servedCommunes") instanceof List<?> served) {
                details.put("servedCommunes", served.stream().map(c -> servedToday.get(servedIds.get(c.toString())))
                        .filter(java.util.Objects::nonNull).distinct().sorted().toList());
            }
            result.add(new FacilityForm(f.type(), f.code(), f.name(), f.address(), communes.get((long) i), f.longitude(),
                    f.latitude(), f.phone(), f.email(), f.contactPerson(), f.status(), f.statusSince(), details));
        }
        return result;
    }

    /** Appendix I: per district, models kept from 2021 and new in 2022, each in a commune, distinct communes first. */
    private List<FacilityForm> models(List<AdminUnit> districts, PointSampler points, Random random) {
        List<FacilityForm> forms = new ArrayList<>();
        String[] kinds = {"VOLUNTEER", "CLUB", "COUNSELING"};
        int n = 0;
        for (String[] row : SimpleCsv.rows(districtTargets)) {
            String name = VietnameseText.fold(row[1]);
            AdminUnit district = districts.stream().filter(d -> VietnameseText.fold(d.getName()).endsWith(" " + name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No district " + row[1]));
            List<AdminUnit> communes = new ArrayList<>(units.children(district));
            java.util.Collections.shuffle(communes, random);
            int kept = Integer.parseInt(row[5]);
            int added = Integer.parseInt(row[6]);
            for (int i = 0; i < kept + added; i++) {
                AdminUnit commune = communes.get(i % communes.size());
                String kind = kinds[i % kinds.length];
                int startYear = i < kept ? 2021 : 2022;
                n++;
                String label = switch (kind) {
                    case "CLUB" -> "Câu lạc bộ B93 ";
                    case "COUNSELING" -> "Điểm tư vấn hỗ trợ sau cai ";
                    default -> "Nhóm tình nguyện hỗ trợ sau cai ";
                };
                forms.add(form(FacilityType.POST_REHAB_MODEL, "MH-" + n, label + commune.getName(), commune, points,
                        LocalDate.of(startYear, 1, 1), Map.of("modelKind", kind, "startYear", startYear), random));
            }
        }
        return forms;
    }

    private FacilityForm form(FacilityType type, String code, String name, AdminUnit commune, PointSampler points,
                              LocalDate since, Map<String, Object> details, Random random) {
        Coordinate c = points.inside(commune);
        return new FacilityForm(type, code, name, "Số " + (1 + random.nextInt(300)) + ", " + commune.getName(),
                commune.getCode(), c.x, c.y, "024 " + (3000_0000 + random.nextInt(999_9999)), null, null,
                FacilityStatus.ACTIVE, since, details);
    }

    private AdminUnit someCommune(String districtCode, Random random) {
        List<AdminUnit> communes = units.children(districtCode, PLAN_78);
        return communes.get(random.nextInt(communes.size()));
    }

    private static String shortName(AdminUnit district) {
        return district.getName().replaceFirst("^(Quận|Huyện|Thị xã) ", "");
    }

}

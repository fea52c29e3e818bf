package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.base.SimpleCsv;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;
import vn.socialmap.targets.PlanModel.Definition;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Unit;

/**
 * Loads Hanoi's Plan 78/KH-UBND (10 March 2022) once: the city targets of 2022 and the
 * district (Appendix I) and facility (Appendix II) targets from gis-data. It is the
 * city's real plan, loaded in every mode.
 */
@Component
class Plan78Loader implements ApplicationListener<GeographyReady> {

    static final String NUMBER = "78/KH-UBND";

    private final PlanRepository plans;
    private final AdminUnitService units;
    private final TransactionTemplate transaction;
    private final Resource districtTargets;
    private final Resource facilityTargets;
    private final DrugFreePlansLoader drugFreePlans;

    Plan78Loader(PlanRepository plans, AdminUnitService units, TransactionTemplate transaction, DrugFreePlansLoader drugFreePlans,
                 @Value("classpath:gis-data/hanoi-plan78-2022-district-targets.csv") Resource districtTargets,
                 @Value("classpath:gis-data/hanoi-plan78-2022-facility-targets.csv") Resource facilityTargets) {
        this.plans = plans;
        this.units = units;
        this.transaction = transaction;
        this.districtTargets = districtTargets;
        this.facilityTargets = facilityTargets;
        this.drugFreePlans = drugFreePlans;
    }

    static final String HANOI_2023 = "KH năm 2023";
    static final String DA_NANG_117 = "117/KH-UBND";

    @Override
    public void onApplicationEvent(GeographyReady event) {
        if (units.find("01").isPresent() && !plans.exists("01", NUMBER)) {
            transaction.executeWithoutResult(s -> load());
        }
        if (units.find("01").isPresent() && !plans.exists("01", HANOI_2023)) {
            transaction.executeWithoutResult(s -> loadHanoi2023());
        }
        if (units.find("48").isPresent() && !plans.exists("48", DA_NANG_117)) {
            transaction.executeWithoutResult(s -> loadDaNang117());
        }
        drugFreePlans.load();
    }

    /**
     * Hanoi's 2023 targets as the news of the plan reports them (seeds; the plan's number is not given there): 4 of
     * its 11, those the registries can compute, and the title says so (the chooser must not promise 11 rows).
     */
    private void loadHanoi2023() {
        long plan = plans.insertPlan("01", HANOI_2023, "Ủy ban nhân dân thành phố Hà Nội", LocalDate.of(2023, 1, 1),
                "Kế hoạch công tác cai nghiện ma túy và quản lý sau cai nghiện ma túy năm 2023 (theo dõi 4 trong 11 chỉ tiêu)",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        long reached = plans.insertIndicator("01", plan, "REACHED_SERVICES",
                "Người nghiện, người sử dụng trái phép có hồ sơ quản lý được tiếp cận dịch vụ (trên 80%)", Unit.PERCENT,
                new Definition(IndicatorKind.SHARE, List.of(), false, List.of(), null), 1);
        plans.insertTarget("01", reached, Level.CITY, "01", 80);
        indicator(plan, 2, "SUPPORT", "Hỗ trợ vay vốn, học nghề, tìm việc làm cho người sau cai nghiện",
                events(List.of("SUPPORT"), false, List.of("LOAN", "JOB_PLACEMENT", "VOCATIONAL_TRAINING")), 250);
        indicator(plan, 3, "TRAINED", "Dạy nghề cho người cai nghiện bắt buộc tại cơ sở",
                events(List.of("SUPPORT"), true, List.of("VOCATIONAL_TRAINING")), 700);
        indicatorWithUnit(plan, 4, "MODEL_COMMUNES", "Xã, phường, thị trấn có mô hình hỗ trợ sau cai (278 duy trì, 103 mới)",
                Unit.MODELS, new Definition(IndicatorKind.MODEL_COMMUNES, List.of(), false, List.of(), null), 381);
    }

    /** Da Nang Plan 117/KH-UBND (26 May 2023), 2023-2025: over 80% of managed people reached. */
    private void loadDaNang117() {
        long plan = plans.insertPlan("48", DA_NANG_117, "Ủy ban nhân dân thành phố Đà Nẵng", LocalDate.of(2023, 5, 26),
                "Nâng cao hiệu quả công tác cai nghiện ma túy và phòng ngừa nghiện ma túy đối với nhóm người có nguy cơ cao "
                        + "và người sử dụng trái phép chất ma túy giai đoạn 2023-2025",
                LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31));
        long reached = plans.insertIndicator("48", plan, "REACHED_SERVICES",
                "Người nghiện có hồ sơ quản lý được tư vấn, khám sàng lọc, điều trị, cai nghiện, hỗ trợ sinh kế (trên 80%)",
                Unit.PERCENT, new Definition(IndicatorKind.SHARE, List.of(), false, List.of(), null), 1);
        plans.insertTarget("48", reached, Level.CITY, "48", 80);
    }

    private void load() {
        long plan = plans.insertPlan("01", NUMBER, "Ủy ban nhân dân thành phố Hà Nội", LocalDate.of(2022, 3, 10),
                "Kế hoạch thực hiện công tác cai nghiện ma túy và quản lý sau cai nghiện ma túy năm 2022",
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        long admissions = indicator(plan, 1, "ADMISSIONS", "Tiếp nhận người cai nghiện (bắt buộc và tự nguyện tại cơ sở)",
                events(List.of("COMPULSORY_DOSSIER", "VOLUNTARY_FACILITY_ADMISSION"), false, List.of()), 3_050);
        long dossiers = indicator(plan, 2, "DOSSIERS", "Lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc",
                events(List.of("COMPULSORY_DOSSIER"), false, List.of()), 950);
        long compulsory = indicator(plan, 3, "COMPULSORY_ADMISSIONS", "Tiếp nhận cai nghiện bắt buộc tại cơ sở",
                events(List.of("COMPULSORY_ADMISSION"), true, List.of()), 950);
        long voluntary = indicator(plan, 4, "VOLUNTARY", "Vận động cai nghiện tự nguyện tại cơ sở",
                events(List.of("VOLUNTARY_FACILITY_ADMISSION"), false, List.of()), 2_100);
        long trained = indicator(plan, 5, "TRAINED", "Dạy nghề cho học viên tại cơ sở cai nghiện",
                events(List.of("SUPPORT"), true, List.of("VOCATIONAL_TRAINING")), 500);
        long postRehab = indicator(plan, 6, "POST_REHAB", "Quản lý sau cai nghiện tại nơi cư trú",
                events(List.of("POST_REHAB_START"), false, List.of()), 900);
        long support = indicator(plan, 7, "SUPPORT", "Hỗ trợ vay vốn, giới thiệu việc làm cho người sau cai nghiện",
                events(List.of("SUPPORT"), false, List.of("LOAN", "JOB_PLACEMENT")), 300);
        indicator(plan, 8, "METHADONE", "Duy trì điều trị nghiện bằng thuốc thay thế Methadone",
                new Definition(IndicatorKind.HOLDING, List.of(), false, List.of(), "ON_METHADONE"), 6_500);
        long models = indicatorWithUnit(plan, 9, "MODELS", "Mô hình hỗ trợ, quản lý sau cai nghiện", Unit.MODELS,
                new Definition(IndicatorKind.MODELS, List.of(), false, List.of(), null), 259);

        // the districts of 2022: the units the plan named
        List<AdminUnit> districts = units.byLevel("01", AdminLevel.DISTRICT, LocalDate.of(2022, 3, 10));
        for (String[] row : SimpleCsv.rows(districtTargets)) {
            String name = VietnameseText.fold(row[1]);
            AdminUnit district = districts.stream().filter(d -> VietnameseText.fold(d.getName()).endsWith(" " + name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Appendix I names an unknown district " + row[1]));
            plans.insertTarget("01", dossiers, Level.DISTRICT, district.getCode(), Double.parseDouble(row[2]));
            plans.insertTarget("01", postRehab, Level.DISTRICT, district.getCode(), Double.parseDouble(row[3]));
            plans.insertTarget("01", support, Level.DISTRICT, district.getCode(), Double.parseDouble(row[4]));
            plans.insertTarget("01", models, Level.DISTRICT, district.getCode(), Double.parseDouble(row[7]));
        }
        for (String[] row : SimpleCsv.rows(facilityTargets)) {
            facilityTarget(compulsory, row[0], row[2]);
            facilityTarget(voluntary, row[0], row[3]);
            facilityTarget(trained, row[0], row[4]);
        }
        // the admissions target splits per facility as compulsory plus voluntary
        for (String[] row : SimpleCsv.rows(facilityTargets)) {
            double sum = (row[2].isBlank() ? 0 : Double.parseDouble(row[2])) + (row[3].isBlank() ? 0 : Double.parseDouble(row[3]));
            if (sum > 0) {
                plans.insertTarget("01", admissions, Level.FACILITY, row[0], sum);
            }
        }
    }

    private void facilityTarget(long indicator, String facilityCode, String value) {
        if (!value.isBlank()) {
            plans.insertTarget("01", indicator, Level.FACILITY, facilityCode, Double.parseDouble(value));
        }
    }

    private long indicator(long plan, int position, String code, String name, Definition definition, double cityTarget) {
        return indicatorWithUnit(plan, position, code, name, Unit.PEOPLE, definition, cityTarget);
    }

    private long indicatorWithUnit(long plan, int position, String code, String name, Unit unit, Definition definition,
                                   double cityTarget) {
        long id = plans.insertIndicator("01", plan, code, name, unit, definition, position);
        plans.insertTarget("01", id, Level.CITY, "01", cityTarget);
        return id;
    }

    private static Definition events(List<String> types, boolean atFacility, List<String> kinds) {
        return new Definition(IndicatorKind.EVENTS, types, atFacility, kinds, null);
    }

}

package vn.socialmap.targets;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.targets.PlanModel.Definition;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Unit;

/**
 * Hanoi's drug-free commune targets as plans, loaded once in every mode (they are the city's
 * real plans): Plan 290/KH-UBND (27/10/2025: at least 20% of communes drug-free, at least 50%
 * by the end of 2030), Plan 08/KH-UBND (08/01/2026: 46 communes and wards by the end of 2026)
 * and, of Plan 187/KH-UBND (15/07/2025, national drug programme to 2030), only its figure on
 * drug-free communes (50%). Their actuals are the communes recognised, computed by the drugfree
 * module (kinds DRUG_FREE_COMMUNES and DRUG_FREE_SHARE). Sources and confidence:
 * docs/research/drug-free-communes.md §2 (the 46 is read as cumulative, which is not confirmed).
 */
@Component
class DrugFreePlansLoader {

    static final String PLAN_290 = "290/KH-UBND";
    static final String PLAN_08 = "08/KH-UBND";
    static final String PLAN_187 = "187/KH-UBND";
    static final String HANOI_PEOPLES_COMMITTEE = "Ủy ban nhân dân thành phố Hà Nội";

    private final PlanRepository plans;
    private final AdminUnitService units;
    private final TransactionTemplate transaction;

    DrugFreePlansLoader(PlanRepository plans, AdminUnitService units, TransactionTemplate transaction) {
        this.plans = plans;
        this.units = units;
        this.transaction = transaction;
    }

    /** Called by {@link Plan78Loader} after the older plans, so plan ids keep their order on a fresh database. */
    void load() {
        if (units.find("01").isEmpty()) {
            return;
        }
        if (!plans.exists("01", PLAN_187)) {
            transaction.executeWithoutResult(s -> {
                long plan = plans.insertPlan("01", PLAN_187, HANOI_PEOPLES_COMMITTEE, LocalDate.of(2025, 7, 15),
                        "Thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 trên địa bàn thành phố Hà Nội"
                                + " (chỉ tiêu xã, phường không ma túy)",
                        LocalDate.of(2025, 7, 15), LocalDate.of(2030, 12, 31));
                target(plan, IndicatorKind.DRUG_FREE_SHARE, "Tỷ lệ xã, phường không ma túy đến năm 2030 (ít nhất 50%)", Unit.PERCENT, 50);
            });
        }
        if (!plans.exists("01", PLAN_290)) {
            transaction.executeWithoutResult(s -> {
                long plan = plans.insertPlan("01", PLAN_290, HANOI_PEOPLES_COMMITTEE, LocalDate.of(2025, 10, 27),
                        "Thực hiện các giải pháp chuyển hóa địa bàn trọng điểm phức tạp về ma túy và xây dựng địa bàn không ma túy"
                                + " trên địa bàn thành phố Hà Nội",
                        LocalDate.of(2025, 10, 27), LocalDate.of(2030, 12, 31));
                target(plan, IndicatorKind.DRUG_FREE_SHARE,
                        "Tỷ lệ xã, phường không ma túy (ít nhất 20% năm 2025; ít nhất 50% đến cuối năm 2030)", Unit.PERCENT, 50);
            });
        }
        if (!plans.exists("01", PLAN_08)) {
            transaction.executeWithoutResult(s -> {
                long plan = plans.insertPlan("01", PLAN_08, HANOI_PEOPLES_COMMITTEE, LocalDate.of(2026, 1, 8),
                        "Phòng, chống ma túy và xây dựng xã, phường không ma túy trên địa bàn Thành phố Hà Nội năm 2026",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
                target(plan, IndicatorKind.DRUG_FREE_COMMUNES, "Xã, phường được công nhận không ma túy đến hết năm 2026", Unit.COMMUNES, 46);
            });
        }
    }

    private void target(long plan, IndicatorKind kind, String name, Unit unit, double value) {
        long indicator = plans.insertIndicator("01", plan, kind.name(), name, unit, new Definition(kind, List.of(), false, List.of(), null), 1);
        plans.insertTarget("01", indicator, Level.CITY, "01", value);
    }
}

package vn.socialmap.drugfree;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.socialmap.base.ui.Palette;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.ThematicLayer;

/**
 * Map layer {@code drugfree}: each commune of today's structure coloured by its drug-free status
 * for the year of the map date (as decided by that date), with the progress against the plan in
 * force under the legend. Statuses are not counts of people: no disclosure control applies.
 */
@Component
class DrugFreeLayer implements ThematicLayer {

    /** The values drawn, one per status: the order of the legend. */
    static final Map<DrugFreeStatus, Long> VALUES = Map.of(DrugFreeStatus.NOT_ASSESSED, 0L, DrugFreeStatus.LOST, 1L,
            DrugFreeStatus.PROPOSED, 2L, DrugFreeStatus.RECOGNISED, 3L);

    private final DrugFreeCommunes communes;
    private final DrugFreeProgress progress;
    private final AdminStructures structures;

    DrugFreeLayer(DrugFreeCommunes communes, DrugFreeProgress progress, AdminStructures structures) {
        this.communes = communes;
        this.progress = progress;
        this.structures = structures;
    }

    @Override
    public String id() {
        return "drugfree";
    }

    @Override
    public String labelKey() {
        return "map.layer.drugfree";
    }

    @Override
    public List<String> variants() {
        return List.of("STATUS");
    }

    @Override
    public String variantLabelKey(String variant) {
        return "map.layer.drugfree";
    }

    @Override
    public double[] fixedBreaks(String variant) {
        return new double[] {1, 2, 3};
    }

    @Override
    public List<LegendClass> legendClasses(String variant) {
        return List.of(new LegendClass(3, "drugfree.status.RECOGNISED", Palette.DRUG_FREE_RECOGNISED),
                new LegendClass(2, "drugfree.status.PROPOSED", Palette.DRUG_FREE_PROPOSED),
                new LegendClass(1, "drugfree.status.LOST", Palette.DRUG_FREE_LOST),
                new LegendClass(0, "drugfree.status.NOT_ASSESSED", Palette.DRUG_FREE_NOT_ASSESSED));
    }

    @Override
    public Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf) {
        Map<String, Long> byUnit = new HashMap<>();
        // decisions name today's communes: other levels and structures have no status
        if (level != AdminLevel.COMMUNE || !structures.on(unitsAsOf).code().equals(structures.current().code())) {
            return new Values(byUnit, false, null);
        }
        communes.statusesOn(provinceCode, date).forEach((code, status) -> byUnit.put(code, VALUES.get(status)));
        return new Values(byUnit, false, null);
    }

    @Override
    public Caption caption(String variant, String provinceCode, LocalDate date) {
        if (date.getYear() < DrugFreeCommunes.FIRST_YEAR) {
            return null;
        }
        DrugFreeProgress.Summary s = progress.summary(provinceCode, date.getYear(), date);
        return s.plans().stream().filter(p -> p.unit().equals("COMMUNES")).findFirst()
                .map(p -> new Caption("drugfree.progress.count", List.of(s.recognised(), Math.round(p.target()), p.number())))
                .or(() -> s.plans().stream().findFirst().map(p -> new Caption("drugfree.progress.share",
                        List.of(s.recognised(), s.communes(), s.share(), Math.round(p.target()), p.number()))))
                .orElse(new Caption("drugfree.progress.none", List.of(s.recognised(), s.communes())));
    }

    @Override
    public boolean pointsAvailable() {
        return false;
    }

    @Override
    public List<double[]> points(String variant, String provinceCode, LocalDate date) {
        return List.of();
    }
}

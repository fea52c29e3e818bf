package vn.socialmap.drugfree;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.socialmap.targets.IndicatorKind;
import vn.socialmap.targets.IndicatorSource;

/**
 * The actuals of the plans' drug-free indicators: communes recognised for the year of the
 * as-of date (DRUG_FREE_COMMUNES), or their percent of today's communes (DRUG_FREE_SHARE).
 */
@Component
class DrugFreeIndicators implements IndicatorSource {

    /** The plans' indicator codes of these kinds (the loader names each indicator by its kind). */
    static final String COUNT = IndicatorKind.DRUG_FREE_COMMUNES.name();
    static final String SHARE = IndicatorKind.DRUG_FREE_SHARE.name();


    private final DrugFreeCommunes communes;

    DrugFreeIndicators(DrugFreeCommunes communes) {
        this.communes = communes;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.DRUG_FREE_COMMUNES, IndicatorKind.DRUG_FREE_SHARE);
    }

    @Override
    public long actual(IndicatorKind kind, String provinceCode, LocalDate from, LocalDate end) {
        long recognised = communes.recognised(provinceCode, end);
        if (kind == IndicatorKind.DRUG_FREE_COMMUNES) {
            return recognised;
        }
        int all = communes.communeCount(provinceCode);
        return all == 0 ? 0 : Math.round(100.0 * recognised / all);
    }

    @Override
    public long version() {
        return communes.version();
    }
}

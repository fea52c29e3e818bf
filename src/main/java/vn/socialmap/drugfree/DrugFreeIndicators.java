package vn.socialmap.drugfree;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.socialmap.targets.IndicatorSource;

/**
 * The actuals of the plans' drug-free indicators: communes recognised for the year of the
 * as-of date (DRUG_FREE_COMMUNES), or their percent of today's communes (DRUG_FREE_SHARE).
 */
@Component
class DrugFreeIndicators implements IndicatorSource {

    static final String COUNT = "DRUG_FREE_COMMUNES";
    static final String SHARE = "DRUG_FREE_SHARE";

    private final DrugFreeCommunes communes;

    DrugFreeIndicators(DrugFreeCommunes communes) {
        this.communes = communes;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(COUNT, SHARE);
    }

    @Override
    public long actual(String kind, String provinceCode, LocalDate from, LocalDate end) {
        long recognised = communes.recognised(provinceCode, end);
        if (COUNT.equals(kind)) {
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

package vn.socialmap.drugfree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * In demo mode, assesses some of Hanoi's communes for 2025 and 2026, once (rows marked demo; a
 * later start finds them and does nothing): communes proposed and recognised in 2025, one of
 * them losing the status in 2026, more proposed and recognised in 2026, with evidence for the
 * criteria the registry cannot compute. Communes are drawn with a seed of their own, so the
 * demo's other random sequences do not move. Runs once the application is ready, after the demo
 * people and facilities are in. The synthetic population lives in every commune (it is calibrated
 * to the city's totals), so on demo data the registry criteria are not met anywhere: the demo's
 * recognitions show how such a mismatch is flagged, not a real assessment.
 */
@Component
class DrugFreeDemo implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DrugFreeDemo.class);
    private static final long SEED = 28_2025L;
    static final String PROVINCE = "01";
    static final String DEMO_USER = "demo";

    private final DrugFreeRepository repository;
    private final DrugFreeSettings settings;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;

    DrugFreeDemo(DrugFreeRepository repository, DrugFreeSettings settings, AdminUnitService units, AdminStructures structures,
                 TransactionTemplate transaction, Clock clock, @Value("${socialmap.demo.enabled:false}") boolean enabled) {
        this.repository = repository;
        this.settings = settings;
        this.units = units;
        this.structures = structures;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled || units.find(PROVINCE).isEmpty() || repository.hasDemo(PROVINCE)) {
            return;
        }
        int n = transaction.execute(s -> load());
        log.info("Demo drug-free assessments for province {}: {} decisions", PROVINCE, n);
    }

    private int load() {
        String structure = structures.current().code();
        List<AdminUnit> communes = new ArrayList<>(units.byLevel(PROVINCE, AdminLevel.COMMUNE, units.today()));
        communes.sort(java.util.Comparator.comparing(AdminUnit::getCode));
        java.util.Collections.shuffle(communes, new Random(SEED));
        String council = settings.authority();
        int decisions = 0;
        // 2025: 8 proposed in November, 6 recognised by the council in December
        for (int i = 0; i < 8; i++) {
            AdminUnit c = communes.get(i);
            evidence(structure, c, 2025, LocalDate.of(2025, 11, 10));
            decide(structure, c, 2025, DrugFreeStatus.PROPOSED, "Ủy ban nhân dân " + c.getName(), LocalDate.of(2025, 11, 15 + i),
                    "Tờ trình " + (100 + i) + "/TTr-UBND (mẫu)");
            decisions++;
            if (i < 6) {
                decide(structure, c, 2025, DrugFreeStatus.RECOGNISED, council, LocalDate.of(2025, 12, 26),
                        "Quyết định " + (7000 + i) + "/QĐ-UBND (mẫu)");
                decisions++;
            }
        }
        // 2026: one recognised commune loses the status; 16 more proposed, 8 of them recognised
        AdminUnit lost = communes.get(0);
        decide(structure, lost, 2026, DrugFreeStatus.LOST, council, LocalDate.of(2026, 9, 15), "Quyết định 4100/QĐ-UBND (mẫu)");
        decisions++;
        for (int i = 8; i < 24; i++) {
            AdminUnit c = communes.get(i);
            evidence(structure, c, 2026, LocalDate.of(2026, 10, 5));
            decide(structure, c, 2026, DrugFreeStatus.PROPOSED, "Ủy ban nhân dân " + c.getName(), LocalDate.of(2026, 10, 1 + i),
                    "Tờ trình " + (200 + i) + "/TTr-UBND (mẫu)");
            decisions++;
            if (i < 16) {
                decide(structure, c, 2026, DrugFreeStatus.RECOGNISED, council, LocalDate.of(2026, 11, 20),
                        "Quyết định " + (5200 + i) + "/QĐ-UBND (mẫu)");
                decisions++;
            }
        }
        return decisions;
    }

    private void decide(String structure, AdminUnit c, int year, DrugFreeStatus status, String by, LocalDate on, String reference) {
        repository.insertDecision(PROVINCE, structure, c.getCode(), year, status, by, on, reference, DEMO_USER,
                clock.instant(), true);
    }

    private void evidence(String structure, AdminUnit c, int year, LocalDate on) {
        for (DrugFreeSettings.Criterion criterion : settings.criteria()) {
            if (!criterion.fromRegistry()) {
                repository.insertEvidence(PROVINCE, structure, c.getCode(), year, criterion.id(), 0,
                        "Biên bản rà soát của Công an " + c.getName() + " ngày " + on.getDayOfMonth() + "/" + on.getMonthValue()
                                + "/" + on.getYear() + " (mẫu)",
                        "BB-" + year + "-" + c.getCode() + " (mẫu)", DEMO_USER, clock.instant(), true);
            }
        }
    }
}

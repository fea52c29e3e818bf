package vn.socialmap.facilities;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.text.VietnameseText;

/**
 * The rehab facilities registered in a province, for recording a person's admission: by code, with whether the
 * facility was there on the day ({@link FacilityService#existsOn}), and those there on a day to choose from.
 */
@Component
@Transactional(readOnly = true)
public class RehabRegistry {

    static final Set<FacilityType> REHAB = Set.of(FacilityType.PUBLIC_REHAB, FacilityType.PRIVATE_REHAB);

    /** A registered rehab facility; {@code open} whether it was there on the day asked. */
    public record Entry(String code, String name, boolean publicFacility, boolean open) {
    }

    private final FacilityRepository facilities;
    private final FacilityService service;

    RehabRegistry(FacilityRepository facilities, FacilityService service) {
        this.facilities = facilities;
        this.service = service;
    }

    /** The rehab facility of this code in the province as of a date; empty when the province registers none of it. */
    public Optional<Entry> find(String provinceCode, String code, LocalDate date) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return REHAB.stream().map(type -> facilities.findByProvinceCodeAndTypeAndCode(provinceCode, type, code.strip()))
                .flatMap(Optional::stream).findFirst().map(f -> entry(f, date));
    }

    /** The rehab facilities of the province there on a date, by name. */
    public List<Entry> openOn(String provinceCode, LocalDate date) {
        return facilities.findByProvinceCodeOrderByTypeAscNameAsc(provinceCode).stream()
                .filter(f -> REHAB.contains(f.getType()) && f.getCode() != null)
                .map(f -> entry(f, date)).filter(Entry::open)
                .sorted(Comparator.comparing((Entry e) -> !e.publicFacility()).thenComparing(e -> VietnameseText.fold(e.name())))
                .toList();
    }

    private Entry entry(Facility f, LocalDate date) {
        return new Entry(f.getCode(), f.getName(), f.getType() == FacilityType.PUBLIC_REHAB, service.existsOn(f, date));
    }
}

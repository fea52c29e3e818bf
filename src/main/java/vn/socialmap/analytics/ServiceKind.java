package vn.socialmap.analytics;

import java.util.EnumSet;
import java.util.Set;

import vn.socialmap.facilities.FacilityType;

/** The services whose accessibility is measured, as the facility types that provide them. */
public enum ServiceKind implements vn.socialmap.base.web.ApiValue {
    METHADONE(EnumSet.of(FacilityType.METHADONE_CLINIC)),
    COUNSELING(EnumSet.of(FacilityType.COUNSELING_POINT)),
    REHAB(EnumSet.of(FacilityType.PUBLIC_REHAB, FacilityType.PRIVATE_REHAB)),
    POST_REHAB(EnumSet.of(FacilityType.POST_REHAB_MODEL));

    private final Set<FacilityType> types;

    ServiceKind(Set<FacilityType> types) {
        this.types = types;
    }

    public Set<FacilityType> types() {
        return types;
    }

    public String code() {
        return apiValue();
    }

    public static java.util.Optional<ServiceKind> fromCode(String code) {
        for (ServiceKind k : values()) {
            if (k.code().equalsIgnoreCase(code)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}

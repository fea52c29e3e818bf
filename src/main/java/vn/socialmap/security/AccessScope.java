package vn.socialmap.security;

/**
 * What a user may see: their role and area. Person queries filter by it in the service
 * and query layer; the UI only mirrors it.
 *
 * @param areaType null for a system-wide admin
 * @param areaCode GSO code of the province, district or commune, or the facility number
 */
public record AccessScope(Role role, AreaType areaType, String areaCode) {

    /** Whether person records (names, identities) may be shown at all. */
    public boolean seesPersons() {
        return role.seesPersons();
    }

    /** Whether counts must be suppressed below the threshold for this user. */
    public boolean needsSuppression() {
        return !role.seesPersons();
    }

    /**
     * Whether a person living in the given commune is inside this scope (facility
     * officers are scoped by residence in a facility, not by commune).
     */
    public boolean coversResidence(String provinceCode, String districtCode, String communeCode) {
        if (!role.seesPersons()) {
            return false;
        }
        if (areaType == null) {
            return role == Role.ADMIN;
        }
        return switch (areaType) {
            case PROVINCE -> areaCode.equals(provinceCode);
            case DISTRICT -> areaCode.equals(districtCode);
            case COMMUNE -> areaCode.equals(communeCode);
            case FACILITY -> false;
        };
    }

    public String label() {
        return areaType == null ? null : areaType.name() + ":" + areaCode;
    }
}

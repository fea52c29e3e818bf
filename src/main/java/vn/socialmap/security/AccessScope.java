package vn.socialmap.security;

import vn.socialmap.geography.UnitRef;

/**
 * What a user may see: their role and area. Person queries filter by it in the service
 * and query layer; the UI only mirrors it.
 *
 * @param areaType      null for a system-wide admin
 * @param areaStructure the structure of a district or commune area (district officers keep the
 *                      districts of the last structure that had them; commune officers are of
 *                      today's communes); null for a province or facility
 * @param areaCode      GSO code of the province, district or commune, or the facility number
 */
public record AccessScope(Role role, AreaType areaType, String areaStructure, String areaCode) {

    /** Whether person records (names, identities) may be shown at all. */
    public boolean seesPersons() {
        return role.seesPersons();
    }

    /** The district or commune of the area, identified by structure and code; null for other areas. */
    public UnitRef areaUnit() {
        return areaStructure == null || areaCode == null ? null : new UnitRef(areaStructure, areaCode);
    }

    /** As written in audit entries: {@code COMMUNE:2025-07/00004}, {@code PROVINCE:01}, null for a system-wide admin. */
    public String label() {
        if (areaType == null) {
            return null;
        }
        return areaType.name() + ":" + (areaStructure == null ? "" : areaStructure + "/") + areaCode;
    }

    /** The area of a {@link #label()} as written in an audit entry; the role is not part of it. */
    public static AccessScope ofLabel(String label) {
        if (label == null || label.isBlank()) {
            return new AccessScope(null, null, null, null);
        }
        int colon = label.indexOf(':');
        String rest = label.substring(colon + 1);
        int slash = rest.indexOf('/');
        return new AccessScope(null, AreaType.valueOf(label.substring(0, colon)), slash < 0 ? null : rest.substring(0, slash),
                slash < 0 ? rest : rest.substring(slash + 1));
    }
}

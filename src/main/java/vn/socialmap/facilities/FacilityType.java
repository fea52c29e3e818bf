package vn.socialmap.facilities;

import java.util.List;

import vn.socialmap.base.ui.Palette;

/** Kinds of place in the registry, with the detail fields each requires. */
public enum FacilityType {
    /** Public rehab facility (compulsory and/or voluntary). */
    PUBLIC_REHAB(List.of("capacity"), Palette.PUBLIC_REHAB),
    PRIVATE_REHAB(List.of("capacity"), Palette.PRIVATE_REHAB),
    /** Registered provider of voluntary rehab at home and in the community. */
    COMMUNITY_PROVIDER(List.of("servedCommunes"), Palette.COMMUNITY_PROVIDER),
    METHADONE_CLINIC(List.of("capacity"), Palette.METHADONE_CLINIC),
    /** Health facility designated to determine addiction status. */
    DESIGNATED_HEALTH(List.of(), Palette.DESIGNATED_HEALTH),
    COUNSELING_POINT(List.of(), Palette.COUNSELING_POINT),
    /** Post-rehab support model run in a commune (volunteer, club "CLB B93", counseling point). */
    POST_REHAB_MODEL(List.of("modelKind", "startYear"), Palette.POST_REHAB_MODEL),
    /** Drug hotspot reported by police: visible to roles that may see persons only. */
    HOTSPOT(List.of("severity", "periodFrom"), Palette.HOTSPOT);

    private final List<String> requiredDetails;
    private final String color;

    FacilityType(List<String> requiredDetails, String color) {
        this.requiredDetails = requiredDetails;
        this.color = color;
    }

    public List<String> requiredDetails() {
        return requiredDetails;
    }

    /** Map colour of the type's icon. */
    public String color() {
        return color;
    }
}

package vn.socialmap.facilities;

import java.util.List;

/** Kinds of place in the registry, with the detail fields each requires. */
public enum FacilityType {
    /** Public rehab facility (compulsory and/or voluntary). */
    PUBLIC_REHAB(List.of("capacity"), "#1f4e79"),
    PRIVATE_REHAB(List.of("capacity"), "#2e75b6"),
    /** Registered provider of voluntary rehab at home and in the community. */
    COMMUNITY_PROVIDER(List.of("servedCommunes"), "#70ad47"),
    METHADONE_CLINIC(List.of("capacity"), "#7030a0"),
    /** Health facility designated to determine addiction status. */
    DESIGNATED_HEALTH(List.of(), "#c00000"),
    COUNSELING_POINT(List.of(), "#ed7d31"),
    /** Post-rehab support model run in a commune (volunteer, club "CLB B93", counseling point). */
    POST_REHAB_MODEL(List.of("modelKind", "startYear"), "#00b0a0"),
    /** Drug hotspot reported by police: visible to roles that may see persons only. */
    HOTSPOT(List.of("severity", "periodFrom"), "#000000");

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

package vn.socialmap.security;

/** One role per user; what it may see follows from the role and the user's area. */
public enum Role {
    /** Administers users and the audit log; sees all person records (merging duplicates), every look audited. */
    ADMIN(true, null),
    /** Whole province, aggregates only, no names. */
    CITY_LEADER(false, AreaType.PROVINCE),
    /** One district: aggregates and the person records of that district. */
    DISTRICT_OFFICER(true, AreaType.DISTRICT),
    /** One commune: creates and edits its person records. */
    COMMUNE_OFFICER(true, AreaType.COMMUNE),
    /** The residents of one facility. */
    FACILITY_OFFICER(true, AreaType.FACILITY),
    /** Aggregates and analytics, no person data. */
    PLANNER(false, AreaType.PROVINCE),
    /**
     * The provincial police's drug-crime division (PC04), which runs rehab since 1 March 2025: the
     * person records of the whole province (read), its facilities and providers (the powers
     * Decree 184/2025 gave the provincial police director).
     */
    PROVINCIAL_POLICE(true, AreaType.PROVINCE);

    /** Spring Security authority names, for {@code @RolesAllowed}. */
    public static final String ADMIN_NAME = "ADMIN";

    private final boolean seesPersons;
    private final AreaType areaType;

    Role(boolean seesPersons, AreaType areaType) {
        this.seesPersons = seesPersons;
        this.areaType = areaType;
    }

    /** Whether this role may see person records (within its area). Counts shown to the others are suppressed. */
    public boolean seesPersons() {
        return seesPersons;
    }

    /** The kind of area a user of this role is assigned; null for ADMIN (system-wide). */
    public AreaType areaType() {
        return areaType;
    }

    /** Officers who may open a person outside their area by stating a reason. */
    public boolean mayBreakTheGlass() {
        return this == DISTRICT_OFFICER || this == COMMUNE_OFFICER;
    }
}

package vn.socialmap.security;

/** What a user's area is: an administrative unit (by GSO code) or a facility. */
public enum AreaType {
    PROVINCE, DISTRICT, COMMUNE, FACILITY
}

package vn.socialmap.facilities;

public enum FacilityStatus {
    ACTIVE, SUSPENDED, CLOSED
}

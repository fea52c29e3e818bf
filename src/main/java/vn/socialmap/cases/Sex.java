package vn.socialmap.cases;

public enum Sex {
    MALE, FEMALE
}

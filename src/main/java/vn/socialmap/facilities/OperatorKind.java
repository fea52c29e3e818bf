package vn.socialmap.facilities;

/** Who runs a public rehab facility: the labour department until 28/02/2025, the provincial police since. */
public enum OperatorKind {
    LABOUR_DEPARTMENT, PROVINCIAL_POLICE
}

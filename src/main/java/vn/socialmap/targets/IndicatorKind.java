package vn.socialmap.targets;

/**
 * What an indicator of a plan counts, and so how its actual is computed and judged. Stored by
 * name in the indicator's definition; the one list of kinds, used by the loaders, the import,
 * the progress computation and the modules that compute kinds of their own ({@link IndicatorSource}).
 */
public enum IndicatorKind {
    /** Events of the registry in the period (admissions, dossiers, support given): grows with the period. */
    EVENTS(true, true, true),
    /** People holding a status on the day (e.g. on methadone): due all along. */
    HOLDING(true, false, true),
    /** A share of people reached, in percent: judged as a share against a share target. */
    SHARE(true, false, true),
    /** Post-rehab models running. */
    MODELS(false, false, true),
    /** Communes with a post-rehab model. */
    MODEL_COMMUNES(false, false, true),
    /** Communes recognised drug-free (computed by the drug-free module). */
    DRUG_FREE_COMMUNES(false, true, false),
    /** Share of communes recognised drug-free, in percent (computed by the drug-free module). */
    DRUG_FREE_SHARE(false, true, false);

    private final boolean aboutPeople;
    private final boolean growsWithPeriod;
    private final boolean importable;

    IndicatorKind(boolean aboutPeople, boolean growsWithPeriod, boolean importable) {
        this.aboutPeople = aboutPeople;
        this.growsWithPeriod = growsWithPeriod;
        this.importable = importable;
    }

    /** Counts people from the registry: published through the disclosure control. */
    public boolean aboutPeople() {
        return aboutPeople;
    }

    /** Expected to grow with the share of the period elapsed (else due all along). */
    public boolean growsWithPeriod() {
        return growsWithPeriod;
    }

    /** May be named in an imported plan's indicator sheet. */
    public boolean importable() {
        return importable;
    }
}

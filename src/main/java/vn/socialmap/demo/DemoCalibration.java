package vn.socialmap.demo;

import java.time.LocalDate;

/**
 * The figures a province's demo data must reproduce, from the seeds: people on record at
 * the end of 2020 and of 2021, and exact event counts in 2021 and the first half of 2022.
 *
 * @param onRecord2020            people on record at the end of 2020
 * @param newIn2021               people first recorded in 2021
 * @param newLater                people first recorded in 2022-2023
 * @param dossiers2021            compulsory rehab dossiers prepared in 2021
 * @param voluntaryFacility2021   voluntary admissions at facilities in 2021
 * @param dossiersH1              compulsory rehab dossiers in January-June 2022
 * @param voluntaryFacilityH1     voluntary admissions at facilities in January-June 2022
 * @param communityH1             voluntary rehab at home/community started in January-June 2022
 * @param detoxH1                 detox episodes in January-June 2022
 * @param detoxFacilities         number of facilities where those detox episodes happen
 * @param methadoneInFacilityH1   Methadone starts inside rehab facilities in January-June 2022
 * @param trainedH1               vocational training in facilities in January-June 2022
 * @param newPerYear              people first recorded per year from October 2023 on
 * @param onRecordEarly2025       people on record at the end of February 2025 (records closed since
 *                                July 2022 make it so); 0: no calibration
 */
public record DemoCalibration(String provinceCode, long seed, int onRecord2020, int newIn2021, int newLater,
                              int dossiers2021, int voluntaryFacility2021, int dossiersH1, int voluntaryFacilityH1,
                              int communityH1, int detoxH1, int detoxFacilities, int methadoneInFacilityH1, int trainedH1,
                              int newPerYear, int onRecordEarly2025) {

    public static final LocalDate H1_START = LocalDate.of(2022, 1, 1);
    public static final LocalDate H1_END = LocalDate.of(2022, 6, 30);
    /** The day Hà Nội's "over 17,000 people on record" (February 2025, tienphong.vn) is read on. */
    public static final LocalDate EARLY_2025 = LocalDate.of(2025, 2, 28);

    /**
     * Hanoi: "about 18,000 on record at the end of 2021 (5,500 more than 2020)", the six-month
     * report of 2022, and "over 17,000" on record in February 2025.
     */
    public static DemoCalibration hanoi() {
        return new DemoCalibration("01", 20220630L, 12_500, 5_500, 1_800, 1_114, 1_601, 547, 935, 257, 321, 3, 19, 150,
                1_500, 17_000);
    }

    /** Da Nang: a smaller set of the same shape (no published figures in the seeds). */
    public static DemoCalibration daNang() {
        return new DemoCalibration("48", 20230526L, 1_100, 300, 150, 90, 120, 40, 60, 25, 20, 1, 2, 10, 120, 1_360);
    }

    /**
     * Hanoi's figures scaled to another province of {@code persons} people (recorded before
     * October 2023): the same shape, rounded, with the people first recorded later taking the
     * rounding; records close at the later years' pace, with no count to reach.
     */
    public static DemoCalibration scaled(String provinceCode, long seed, int persons) {
        DemoCalibration h = hanoi();
        double f = (double) persons / h.totalPersons();
        int onRecord = (int) Math.round(h.onRecord2020() * f);
        int newIn2021 = (int) Math.round(h.newIn2021() * f);
        return new DemoCalibration(provinceCode, seed, onRecord, newIn2021, persons - onRecord - newIn2021,
                scale(h.dossiers2021(), f), scale(h.voluntaryFacility2021(), f), scale(h.dossiersH1(), f),
                scale(h.voluntaryFacilityH1(), f), scale(h.communityH1(), f), scale(h.detoxH1(), f), h.detoxFacilities(),
                scale(h.methadoneInFacilityH1(), f), scale(h.trainedH1(), f), scale(h.newPerYear(), f), 0);
    }

    private static int scale(int count, double factor) {
        return (int) Math.round(count * factor);
    }

    /** People first recorded before October 2023 (the later years' people come on top, by the end date). */
    public int totalPersons() {
        return onRecord2020 + newIn2021 + newLater;
    }
}

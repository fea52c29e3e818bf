package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.Set;

import vn.socialmap.base.ValidationException;

/**
 * Checks a citizen identity card number (CCCD, Circular 59/2021/TT-BCA): 12 digits; the
 * first three are the code of the province of birth registration ("0" + the GSO province
 * code); the fourth encodes century and sex (0/1 for 1900-1999 male/female, 2/3 for
 * 2000-2099, and so on); the fifth and sixth are the last two digits of the birth year.
 */
public final class NationalId {

    /** The 63 GSO province codes of 2022. */
    static final Set<String> PROVINCES = Set.of(
            "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26",
            "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51",
            "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80",
            "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96");

    private NationalId() {
    }

    /** @throws ValidationException naming what does not agree */
    public static void check(String id, LocalDate birthDate, Sex sex) {
        if (id == null || !id.matches("[0-9]{12}")) {
            throw new ValidationException("nationalId", "person.error.nationalId.format");
        }
        if (id.charAt(0) != '0' || !PROVINCES.contains(id.substring(1, 3))) {
            throw new ValidationException("nationalId", "person.error.nationalId.province", id.substring(0, 3));
        }
        if (birthDate == null || sex == null) {
            return;
        }
        int century = birthDate.getYear() / 100 - 19;
        if (century < 0 || century > 4) {
            throw new ValidationException("nationalId", "person.error.nationalId.century");
        }
        int expected = century * 2 + (sex == Sex.FEMALE ? 1 : 0);
        if (id.charAt(3) - '0' != expected) {
            throw new ValidationException("nationalId", "person.error.nationalId.sexCentury", expected);
        }
        String year = String.format("%02d", birthDate.getYear() % 100);
        if (!id.substring(4, 6).equals(year)) {
            throw new ValidationException("nationalId", "person.error.nationalId.year", year);
        }
    }

    /** A valid number for the given birth and sex, for generated demo people. */
    public static String make(String provinceCode, LocalDate birthDate, Sex sex, long serial) {
        int century = birthDate.getYear() / 100 - 19;
        return "0" + provinceCode + (century * 2 + (sex == Sex.FEMALE ? 1 : 0))
                + String.format("%02d", birthDate.getYear() % 100) + String.format("%06d", serial % 1_000_000);
    }
}

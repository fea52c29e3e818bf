package vn.socialmap.security;

import java.util.regex.Pattern;

/**
 * A facility officer's area: the code of a public rehab facility, "1".."7" for the labour
 * department's facilities (until 28/02/2025) or "PC04-1".. for the police's (from 01/03/2025).
 *
 * @param code the facility's code as the case registry's status periods carry it
 */
public record FacilityArea(String code) {

    static final String POLICE_PREFIX = "PC04-";
    private static final Pattern CODE = Pattern.compile("[1-9][0-9]{0,3}|PC04-[1-9][0-9]{0,2}");

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The translation key naming the area, with {@link #number()} as its argument. */
    public String labelKey() {
        return code.startsWith(POLICE_PREFIX) ? "users.area.facility.police" : "users.area.facility";
    }

    /** The facility's number within its operator's facilities. */
    public String number() {
        return code.startsWith(POLICE_PREFIX) ? code.substring(POLICE_PREFIX.length()) : code;
    }
}

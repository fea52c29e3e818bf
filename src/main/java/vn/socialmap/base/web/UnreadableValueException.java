package vn.socialmap.base.web;

/**
 * A converter could not read a request value: says what the value must be ("one of city,
 * district", "queen or distance:METRES"), for the one place that answers bad parameters.
 */
public class UnreadableValueException extends IllegalArgumentException {

    private final String expected;
    private final String value;

    public UnreadableValueException(String expected, String value) {
        super("must be " + expected + ", got '" + value + "'");
        this.expected = expected;
        this.value = value;
    }

    public String expected() {
        return expected;
    }

    public String value() {
        return value;
    }
}

package vn.socialmap.base;

/** Refused because the record already exists; answered 409 with a link to it. */
public class ConflictException extends ValidationException {

    private final String existing;

    public ConflictException(String field, String existing, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
        this.existing = existing;
    }

    /** API path of the existing record. */
    public String existing() {
        return existing;
    }
}

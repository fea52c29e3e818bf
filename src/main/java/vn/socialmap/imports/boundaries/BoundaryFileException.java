package vn.socialmap.imports.boundaries;

import vn.socialmap.base.ValidationException;

/** A file that cannot be read as boundaries; the message key says why, in the user's language. */
public class BoundaryFileException extends ValidationException {

    public BoundaryFileException(String messageKey, Object... arguments) {
        super("file", messageKey, arguments);
    }
}

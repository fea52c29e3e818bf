package vn.socialmap.base;

/** Answered 404. Also used for records outside the caller's area, which must look missing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}

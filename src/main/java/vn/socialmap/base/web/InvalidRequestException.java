package vn.socialmap.base.web;

import java.util.List;

/** A request the API refuses as malformed: answered 400 with RFC 9457 problem details. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<InvalidParameter> invalidParameters;

    public InvalidRequestException(String parameter, String reason) {
        super(reason);
        this.invalidParameters = List.of(new InvalidParameter(parameter, reason));
    }

    public List<InvalidParameter> invalidParameters() {
        return invalidParameters;
    }

    public record InvalidParameter(String name, String reason) {
    }
}

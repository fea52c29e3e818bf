package vn.socialmap.base.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.socialmap.base.ConflictException;
import vn.socialmap.base.DatabaseOutage;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.i18n.Translations;

/**
 * Turns API errors into RFC 9457 problem details ({@code application/problem+json});
 * Spring's own MVC errors (wrong method, type mismatch) are handled by the base class.
 */
@RestControllerAdvice(basePackages = "vn.socialmap")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final Translations translations;

    ApiProblemHandler(Translations translations) {
        this.translations = translations;
    }

    /** A domain rule refused the input; the API speaks English. */
    @ExceptionHandler(ValidationException.class)
    ProblemDetail refused(ValidationException e) {
        String message = e.describe((key, arguments) -> translations.getTranslation(key, Translations.ENGLISH, arguments));
        boolean conflict = e instanceof ConflictException;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, message);
        if (e instanceof ConflictException c && c.existing() != null) {
            problem.setProperty("existing", c.existing());
        }
        problem.setTitle(!conflict ? "Invalid request"
                : e.messageKey().endsWith(".concurrent") ? "Changed by someone else" : "Already exists");
        problem.setProperty("rule", e.messageKey());
        if (e.basisKey() != null) {
            problem.setProperty("legalBasis", translations.getTranslation(e.basisKey(), Translations.ENGLISH));
        }
        if (e.field() != null) {
            problem.setProperty("invalidParams", java.util.List.of(new InvalidRequestException.InvalidParameter(e.field(), message)));
        }
        return problem;
    }

    /** The database cannot be reached: 503 with a time to retry after; anything else goes on as an error. */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (!DatabaseOutage.isCause(e)) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is temporarily unavailable; nothing was changed. Try again in a few seconds.");
        problem.setTitle("Temporarily unavailable");
        problem.setProperty("requestId", RequestIds.current());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("invalidParams", e.invalidParameters());
        return problem;
    }
}

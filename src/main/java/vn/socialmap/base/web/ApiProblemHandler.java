package vn.socialmap.base.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.socialmap.base.ConflictException;
import vn.socialmap.base.DatabaseOutage;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.base.web.InvalidRequestException.InvalidParameter;

/**
 * Turns API errors into RFC 9457 problem details ({@code application/problem+json}). Every refused
 * parameter, whether unreadable, missing, out of range or refused by a rule, is answered the same
 * way: 400, {@code invalidParams} naming it and saying what it must be. Spring's other MVC errors
 * (wrong method, unreadable body) are answered by the base class.
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
            problem.setProperty("invalidParams", java.util.List.of(new InvalidParameter(e.field(), message)));
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
        return invalid(e.invalidParameters());
    }

    /** A parameter that is not of its type: "level must be one of province, district, commune, got 'ward'". */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        UnreadableValueException unreadable = unreadable(e);
        String reason = unreadable != null ? name + " " + unreadable.getMessage()
                : name + " must be " + expected(e instanceof MethodArgumentTypeMismatchException m ? valueType(m.getParameter())
                : e.getRequiredType()) + ", got '" + e.getValue() + "'";
        return ResponseEntity.badRequest().body(invalid(List.of(new InvalidParameter(name, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        MethodParameter parameter = e.getMethodParameter();
        String reason = e.getParameterName() + " is required"
                + (parameter == null ? "" : ": " + expected(valueType(parameter)));
        return ResponseEntity.badRequest().body(invalid(List.of(new InvalidParameter(e.getParameterName(), reason))));
    }

    /** A parameter out of its range: "k must be from 1 to 100, got '0'" (the constraints' messages: ValidationMessages). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidParameter> invalid = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> {
                    String name = ParameterNames.of(result.getMethodParameter());
                    return new InvalidParameter(name, name + " " + error.getDefaultMessage() + ", got '" + result.getArgument() + "'");
                }))
                .toList();
        return ResponseEntity.badRequest().body(invalid(invalid));
    }

    private static ProblemDetail invalid(List<InvalidParameter> parameters) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                parameters.stream().map(InvalidParameter::reason).collect(java.util.stream.Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("invalidParams", parameters);
        return problem;
    }

    private static UnreadableValueException unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableValueException u) {
                return u;
            }
        }
        return null;
    }

    /** The type of one value: the element type of a list parameter. */
    private static Class<?> valueType(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            Class<?> element = ResolvableType.forMethodParameter(parameter).resolveGeneric(0);
            return type.isArray() ? type.getComponentType() : element == null ? String.class : element;
        }
        return type;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String expected(Class<?> type) {
        if (type == null) {
            return "readable";
        }
        if (type.isEnum()) {
            return ApiEnumConverterFactory.expected((Class<? extends Enum>) type);
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }
}

package vn.socialmap.base.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an API operation does not declare: a misspelt filter ("provice=01")
 * must not silently return everything. The allowed names are the operation's own
 * {@code @RequestParam}s, so they are written once, in its signature.
 */
final class KnownQueryParameters implements HandlerInterceptor {

    /** Per operation its parameter names; empty when it takes every parameter (a Map). */
    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        known.computeIfAbsent(method.getMethod(), m -> declared(method)).ifPresent(allowed -> {
            for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
                if (!allowed.contains(name)) {
                    throw new InvalidRequestException(name, "Unknown query parameter '" + name + "'; allowed: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
                }
            }
        });
        return true;
    }

    private static Optional<Set<String>> declared(HandlerMethod method) {
        boolean takesAll = Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class)
                && Map.class.isAssignableFrom(p.getParameterType()));
        if (takesAll) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .map(ParameterNames::of)
                .collect(Collectors.toUnmodifiableSet()));
    }
}

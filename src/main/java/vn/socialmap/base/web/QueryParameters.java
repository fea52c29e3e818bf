package vn.socialmap.base.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/** Query-string checks shared by the API controllers. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * Refuses parameters the endpoint does not know: a misspelt filter ("provice=01") must
     * not silently return everything.
     */
    public static void requireOnly(HttpServletRequest request, Set<String> known) {
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new InvalidRequestException(name,
                    "Unknown query parameter '" + name + "'; allowed: " + String.join(", ", new TreeSet<>(known)));
        }
    }
}

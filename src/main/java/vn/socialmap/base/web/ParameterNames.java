package vn.socialmap.base.web;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The name a request gives a handler's parameter: the annotation's, else the Java name. */
final class ParameterNames {

    private ParameterNames() {
    }

    static String of(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        MethodParameter named = parameter.clone();
        named.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return named.getParameterName();
    }
}

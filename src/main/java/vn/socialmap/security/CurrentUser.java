package vn.socialmap.security;

import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.socialmap.audit.Actor;
import vn.socialmap.audit.ActorResolver;

/** The signed-in user of the current request, in views, controllers and services alike. */
@Component
public class CurrentUser implements ActorResolver {

    public Optional<AppUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AppUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The current user, for code that only runs signed in. */
    public AppUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    public AccessScope scope() {
        return require().scope();
    }

    @Override
    public Actor current() {
        String address = clientAddress();
        return get().map(u -> new Actor(u.getUsername(), u.role().name(), u.scope().label(), address))
                .orElseGet(() -> Actor.anonymous(address));
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return address(attributes.getRequest());
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : vaadin.getRemoteAddr();
    }

    static String address(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}

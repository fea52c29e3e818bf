package vn.socialmap.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Session", description = "Who is calling")
class MeController {

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The caller's identity, role and area, so that scripts can check what they will be allowed. */
    record Me(String username, String displayName, Role role, AreaType areaType, String areaCode, boolean seesPersons) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user: role and area")
    Me me() {
        AppUser user = currentUser.require();
        return new Me(user.getUsername(), user.displayName(), user.role(), user.scope().areaType(),
                user.scope().areaCode(), user.scope().seesPersons());
    }
}

package vn.socialmap.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.HomeArea;
import vn.socialmap.geography.UnitRef;

/** The signed-in user's area as a unit: a province (today's), a former district, a commune of today. */
@Component
class UserHomeArea implements HomeArea {

    private final CurrentUser currentUser;
    private final AdminStructures structures;

    UserHomeArea(CurrentUser currentUser, AdminStructures structures) {
        this.currentUser = currentUser;
        this.structures = structures;
    }

    @Override
    public Optional<UnitRef> home() {
        return currentUser.get().map(AppUser::scope).flatMap(scope -> {
            if (scope.areaType() == AreaType.PROVINCE) {
                return Optional.of(new UnitRef(structures.current().code(), scope.areaCode()));
            }
            return Optional.ofNullable(scope.areaUnit());
        });
    }
}

package vn.socialmap.facilities;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads registry records at start-up (demo data, later imports), through the same validation as the forms. */
@Service
public class FacilityRegistryLoader {

    private final FacilityService facilities;
    private final FacilityRepository repository;

    FacilityRegistryLoader(FacilityService facilities, FacilityRepository repository) {
        this.facilities = facilities;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public boolean hasDemo(String provinceCode) {
        return repository.existsByProvinceCodeAndDemoTrue(provinceCode);
    }

    @Transactional
    public void loadDemo(List<FacilityForm> forms) {
        for (FacilityForm form : forms) {
            facilities.create(form).markDemo();
        }
    }
}

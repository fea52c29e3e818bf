package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;

/** The dashboard's plan choice: an officer's city's plans, every plan for a national account. */
class PlansOfTheCallersProvinceTest extends IntegrationTest {

    @Autowired
    ProgressService progress;

    @Test
    void officersChooseAmongTheirCitysPlans() {
        assertThat(progress.plans()).extracting(PlanModel.Plan::provinceCode).contains("01", "48");
        signIn("district-001");
        assertThat(progress.plansOfTheCallersProvince()).isNotEmpty().extracting(PlanModel.Plan::provinceCode).containsOnly("01");
        signIn("commune-00001");
        assertThat(progress.plansOfTheCallersProvince()).isNotEmpty().extracting(PlanModel.Plan::provinceCode).containsOnly("01");
        signIn("facility-1");
        assertThat(progress.plansOfTheCallersProvince()).isNotEmpty().extracting(PlanModel.Plan::provinceCode).containsOnly("01");
        signIn("leader");
        assertThat(progress.plansOfTheCallersProvince()).isNotEmpty().extracting(PlanModel.Plan::provinceCode).containsOnly("01");
        signIn("admin");
        assertThat(progress.plansOfTheCallersProvince()).hasSameSizeAs(progress.plans());
    }
}

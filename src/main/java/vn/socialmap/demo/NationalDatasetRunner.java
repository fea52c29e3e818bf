package vn.socialmap.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** With socialmap.national.generate=true: generates the national dataset, reports it and exits. */
@Component
@ConditionalOnBooleanProperty("socialmap.national.generate")
class NationalDatasetRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NationalDatasetRunner.class);

    private final NationalDataset dataset;
    private final NationalDatasetProperties properties;
    private final ConfigurableApplicationContext context;

    NationalDatasetRunner(NationalDataset dataset, NationalDatasetProperties properties, ConfigurableApplicationContext context) {
        this.dataset = dataset;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        NationalDataset.Report r = dataset.generate(properties);
        // read by bench/national-dataset.sh
        log.info("NATIONAL DATASET provinces={} communes={} persons={} events={} people_ms={} plans={}",
                r.provinces(), r.communes(), r.persons(), r.events(), r.peopleMillis(), r.plans());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}

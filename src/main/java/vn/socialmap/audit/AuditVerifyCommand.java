package vn.socialmap.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar socialmap.jar --verify-audit}
 * (or {@code scripts/verify-audit.sh}): checks the chain, prints the result and exits
 * with 0 when intact, 1 when broken.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit";

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditVerifier verifier, AuditLog log, ApplicationContext context) {
        this.verifier = verifier;
        this.log = log;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int status = report(verifier.verify());
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> status));
    }

    int report(AuditVerifier.Result result) {
        if (result.intact()) {
            System.out.println("Audit chain intact: " + result.entriesChecked() + " entries verified.");
            log.record(new Actor("system", null, null, "command"), AuditAction.AUDIT_VERIFIED, null, null, null,
                    "intact, " + result.entriesChecked() + " entries");
            return 0;
        }
        System.out.println("Audit chain BROKEN at entry " + result.firstBrokenId() + ": " + result.problem());
        return 1;
    }
}

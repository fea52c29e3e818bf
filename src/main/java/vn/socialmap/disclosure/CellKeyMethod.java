package vn.socialmap.disclosure;

import org.springframework.stereotype.Component;

/** Publishes counts by the cell-key method with the settings' perturbation table. */
@Component
public class CellKeyMethod {

    private final PerturbationTable table;

    CellKeyMethod(DisclosureSettings settings) {
        this.table = new PerturbationTable(settings.maxNoise(), settings.variance(), settings.smallBelow());
    }

    public PerturbationTable table() {
        return table;
    }

    /** The published value of a cell: its count changed by the noise its key looks up. */
    public long perturb(Cell cell) {
        return table.perturb(Math.max(0, cell.count()), cell.key());
    }
}

package vn.socialmap.disclosure;

/**
 * A count and the sum of its records' keys (person or event keys, V15). Cells add up: the
 * records of two cells together have the sum of both counts and keys.
 */
public record Cell(long count, long keySum) {

    public static final Cell EMPTY = new Cell(0, 0);

    /** Record keys lie in [0, 2^31); a cell's key is their sum modulo that. */
    static final long KEY_RANGE = 1L << 31;

    public Cell plus(Cell other) {
        return new Cell(count + other.count, keySum + other.keySum);
    }

    public Cell minus(Cell other) {
        return new Cell(count - other.count, keySum - other.keySum);
    }

    /** The cell key, in [0, 1): the same records always give the same key. */
    public double key() {
        return Math.floorMod(keySum, KEY_RANGE) / (double) KEY_RANGE;
    }
}

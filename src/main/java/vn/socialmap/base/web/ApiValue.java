package vn.socialmap.base.web;

/**
 * An enum the API spells its own way ("commune", "post_rehab", "status-counts") rather than by
 * its constant's name. Requests may use either spelling, in any case, with '-' or '_'.
 */
public interface ApiValue {

    String apiValue();
}

package vn.socialmap.audit;

/**
 * Who acts, as the audit log records it.
 *
 * @param area for example {@code DISTRICT:005}; null for system-wide users
 */
public record Actor(String username, String role, String area, String clientAddress) {

    public static Actor anonymous(String clientAddress) {
        return new Actor("-", null, null, clientAddress);
    }
}

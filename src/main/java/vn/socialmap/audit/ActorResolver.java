package vn.socialmap.audit;

/** The acting user of the current request; implemented by the security module. */
public interface ActorResolver {

    Actor current();
}

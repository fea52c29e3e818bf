package vn.socialmap;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;

/**
 * Test classes in the order they are found (the sort is stable), except those marked
 * {@link ReadsTheWholeRunsLog}, which run after all others.
 */
public class LogReadersLast implements ClassOrderer {

    @Override
    public void orderClasses(org.junit.jupiter.api.ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> d.isAnnotated(ReadsTheWholeRunsLog.class)));
    }
}

package com.hmoexchange.hub.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapUtils;

/**
 * Runs the test classes without a Spring context first, then the classes of each application context one after
 * the other (in the order their first class came), so each hub is started once and, with the context cache kept
 * at one (src/test/resources/spring.properties), closed as the next one starts instead of running its pollers
 * beside it to the end of the run. The grouping key is Spring's own cache key, so two classes share a group exactly
 * when they would share a context. Within a group the classes keep the order they came in.
 */
public final class SharedContextsTogether implements ClassOrderer {

    private static final Object NO_CONTEXT = new Object();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Map<Object, Integer> groups = new HashMap<>();
        groups.put(NO_CONTEXT, 0);
        Map<ClassDescriptor, Integer> rank = new HashMap<>();
        for (ClassDescriptor descriptor : context.getClassDescriptors()) {
            rank.put(descriptor, groups.computeIfAbsent(contextKey(descriptor.getTestClass()), key -> groups.size()));
        }
        Comparator<ClassDescriptor> byGroup = Comparator.comparing(rank::get);
        context.getClassDescriptors().sort(byGroup);
    }

    private static Object contextKey(Class<?> testClass) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, SpringBootTest.class)) {
            return NO_CONTEXT;
        }
        return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
    }
}

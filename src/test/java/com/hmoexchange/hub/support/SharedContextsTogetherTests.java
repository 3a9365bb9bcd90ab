package com.hmoexchange.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The run order that lets each application context start once: plain classes first, then each context's classes together. */
class SharedContextsTogetherTests {

    static class PlainOne {
    }

    static class PlainTwo {
    }

    static class OnTheSharedHub extends ApiTest {
    }

    static class AlsoOnTheSharedHub extends ApiTest {
    }

    @TestPropertySource(properties = "hub.security.basic-auth=false")
    static class OnAHubOfItsOwn extends ApiTest {
    }

    @TestPropertySource(properties = "hub.security.basic-auth=false")
    static class OnThatSameOtherHub extends ApiTest {
    }

    @Test
    void classes_of_one_context_run_together_in_the_order_they_came_after_the_classes_without_spring() {
        List<Class<?>> order = ordered(OnTheSharedHub.class, OnAHubOfItsOwn.class, PlainOne.class, AlsoOnTheSharedHub.class,
                OnThatSameOtherHub.class, PlainTwo.class);

        assertThat(order).containsExactly(PlainOne.class, PlainTwo.class, OnTheSharedHub.class, AlsoOnTheSharedHub.class,
                OnAHubOfItsOwn.class, OnThatSameOtherHub.class);
    }

    private static List<Class<?>> ordered(Class<?>... classes) {
        List<Descriptor> descriptors = new ArrayList<>(Stream.of(classes).map(Descriptor::new).toList());
        new SharedContextsTogether().orderClasses(new ClassOrdererContext() {
            @Override
            public List<? extends ClassDescriptor> getClassDescriptors() {
                return descriptors;
            }

            @Override
            public Optional<String> getConfigurationParameter(String key) {
                return Optional.empty();
            }
        });
        return descriptors.stream().<Class<?>>map(Descriptor::getTestClass).toList();
    }

    /** What JUnit hands an orderer for a class: the orderer reads only the class. */
    private record Descriptor(Class<?> testClass) implements ClassDescriptor {

        @Override
        public Class<?> getTestClass() {
            return testClass;
        }

        @Override
        public String getDisplayName() {
            return testClass.getSimpleName();
        }

        @Override
        public boolean isAnnotated(Class<? extends Annotation> annotationType) {
            return testClass.isAnnotationPresent(annotationType);
        }

        @Override
        public <A extends Annotation> Optional<A> findAnnotation(Class<A> annotationType) {
            return Optional.ofNullable(testClass.getAnnotation(annotationType));
        }

        @Override
        public <A extends Annotation> List<A> findRepeatableAnnotations(Class<A> annotationType) {
            return List.of(testClass.getAnnotationsByType(annotationType));
        }
    }
}

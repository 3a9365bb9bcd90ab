package com.hmoexchange.hub.node;

import jakarta.annotation.PostConstruct;
import jakarta.jms.ConnectionFactory;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ReflectionUtils;

/**
 * What a lazy start ({@code spring.main.lazy-initialization}, HUB_LAZY_START; docs/reliability.md "Restart") still
 * makes before the node is ready: everything that works without a request or that must stop a wrong start. Lazy are
 * the rest: controllers, pages and the services only they use, Springdoc, the views; a request makes them when it
 * first needs them. Spring Boot itself keeps {@code @Scheduled} beans, {@code SmartInitializingSingleton}s and
 * infrastructure beans eager.
 */
@Configuration(proxyBeanMethods = false)
class EagerAtStart {

    /** The hub's modules that run on their own (routes, relay, pollers, cluster duties) or check the start. */
    static final List<String> EAGER_MODULES = List.of("cluster", "outbox", "dispatch", "responses", "mailintake",
            "node", "payers", "security").stream().map(m -> "com.hmoexchange.hub." + m + ".").toList();

    /** Third-party parts that run on their own: Camel with its routes, the broker, JMS, the schema's migrations. */
    static final List<String> EAGER_LIBRARIES = List.of("org.apache.camel.", "org.apache.activemq.", "org.springframework.jms.",
            "org.flywaydb.", "org.springframework.boot.autoconfigure.flyway.", "org.springframework.integration.");

    /** Kinds of bean whose work is the start's own: readiness, runners, lifecycles, settings, connections. */
    static final List<Class<?>> EAGER_TYPES = List.of(HealthContributor.class, ApplicationRunner.class,
            CommandLineRunner.class, Lifecycle.class, DataSource.class, ConnectionFactory.class);

    // Static: a filter is asked for before any other bean is made, so it must not need this class's instance.
    @Bean
    static LazyInitializationExcludeFilter eagerAtStartFilter() {
        return EagerAtStart::eager;
    }

    static boolean eager(String name, BeanDefinition definition, Class<?> type) {
        String className = type.getName();
        return EAGER_MODULES.stream().anyMatch(className::startsWith)
                || EAGER_LIBRARIES.stream().anyMatch(className::startsWith)
                || EAGER_TYPES.stream().anyMatch(t -> t.isAssignableFrom(type))
                // A wrong setting (a bad duration, a number out of range) must stop the start, not the first request.
                || isSettings(definition, type)
                // A bean that does work when it is made (reads files, checks, warns) does it at start, as it always has.
                || (className.startsWith("com.hmoexchange.") && initialises(type));
    }

    private static boolean isSettings(BeanDefinition definition, Class<?> type) {
        if (AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)) {
            return true;
        }
        MethodMetadata factory = definition instanceof AnnotatedBeanDefinition annotated
                ? annotated.getFactoryMethodMetadata() : null;
        return factory != null && factory.isAnnotated(ConfigurationProperties.class.getName());
    }

    private static boolean initialises(Class<?> type) {
        return InitializingBean.class.isAssignableFrom(type) || Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
                .anyMatch(m -> m.isAnnotationPresent(PostConstruct.class));
    }
}

package com.hmoexchange.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Disabled;

/** Keeps the suite honest: no test waits a fixed time (Awaitility or NotifyBuilder wait for the outcome), none is switched off. */
@AnalyzeClasses(packages = "com.hmoexchange.hub", importOptions = ImportOption.OnlyIncludeTests.class)
class TestSuiteTests {

    @ArchTest
    static final ArchRule no_test_sleeps = noClasses()
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(Thread.class, "sleep", java.time.Duration.class)
            .orShould().callMethod(java.util.concurrent.TimeUnit.class, "sleep", long.class)
            .because("a fixed wait is either too short on a busy machine or too long everywhere else");

    @ArchTest
    static final ArchRule no_test_is_disabled = noClasses()
            .should().beAnnotatedWith(Disabled.class)
            .because("a test switched off asserts nothing; fix it or delete it");

    @ArchTest
    static final ArchRule no_test_method_is_disabled = noMethods()
            .should().beAnnotatedWith(Disabled.class)
            .because("a test switched off asserts nothing; fix it or delete it");
}

package com.hmoexchange.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the shape the design asks for: rules in the aggregates, web concerns at the edge. */
@AnalyzeClasses(packages = "com.hmoexchange.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_spring_the_web_or_camel = noClasses()
            .that().areAnnotatedWith(jakarta.persistence.Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.apache.camel..");

    @ArchTest
    static final ArchRule controllers_are_only_called_by_the_framework = classes()
            .that().haveSimpleNameEndingWith("Controller")
            .should().onlyBeAccessed().byClassesThat().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule no_feature_reaches_into_a_controller_or_the_demo_data = noClasses()
            .that().resideOutsideOfPackage("..demo..")
            .should().dependOnClassesThat().resideInAPackage("..demo..");
}

package com.hmoexchange.hub;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Keeps the shape the design asks for: modules without cycles, rules in the aggregates, web concerns at the edge. */
@AnalyzeClasses(packages = "com.hmoexchange.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** A controller (API or pages) or an advice of the web layer, or a class nested in one (its forms, its views). */
    private static final DescribedPredicate<JavaClass> WEB_EDGE = DescribedPredicate.describe("controllers or their nested classes",
            c -> isWebEdge(c));

    /** The top-level packages are modules; a module may use another only if that one does not use it back, however indirectly. */
    @ArchTest
    static final ArchRule modules_form_no_cycle = slices()
            .matching("com.hmoexchange.hub.(*)..")
            .namingSlices("module $1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aggregates_know_nothing_of_spring_the_web_or_camel = noClasses()
            .that().areAnnotatedWith(jakarta.persistence.Entity.class)
            .or().areAnnotatedWith(jakarta.persistence.Embeddable.class)
            .or().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.apache.camel..",
                    "com.fasterxml.jackson..")
            .orShould().dependOnClassesThat(are(WEB_EDGE));

    @ArchTest
    static final ArchRule controllers_are_only_called_by_the_framework = classes()
            .that(are(WEB_EDGE))
            .should().onlyBeAccessed().byClassesThat(are(WEB_EDGE));

    @ArchTest
    static final ArchRule controllers_leave_the_database_and_the_routes_to_services = noClasses()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.ProducerTemplate");

    @ArchTest
    static final ArchRule no_feature_reaches_into_a_controller_or_the_demo_data = noClasses()
            .that().resideOutsideOfPackage("..demo..")
            .should().dependOnClassesThat().resideInAPackage("..demo..");

    private static boolean isWebEdge(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isMetaAnnotatedWith(Controller.class) || c.isMetaAnnotatedWith(ControllerAdvice.class)) {
                return true;
            }
        }
        return false;
    }
}

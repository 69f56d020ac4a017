package com.flowmatik.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.flowmatik.FlowmatikApplication;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

/**
 * The directions of the code: {@code app} → command side and query side → {@code shared-api}. The
 * sides never see each other, aggregates see no web, persistence or clock, and nothing hides in
 * {@code util}-like packages. Every rule must match classes, so a renamed package fails here instead
 * of leaving a rule that checks nothing.
 */
class ArchitectureTest {

    private static final String API = "com.flowmatik.api..";
    private static final String COMMAND_SIDE = "com.flowmatik.command..";
    private static final String QUERY_SIDE = "com.flowmatik.query..";
    private static final String APP = "com.flowmatik.app..";

    /** The app is its packages plus the main class, which sits in the root package for scanning. */
    private static final DescribedPredicate<JavaClass> THE_APP =
            resideInAPackage(APP).or(belongToAnyOf(FlowmatikApplication.class)).as("the app");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.flowmatik");

    @Test
    void theSharedApiKnowsNeitherSideNorTheAppNorSpring() {
        noClasses()
                .that()
                .resideInAPackage(API)
                .should()
                .dependOnClassesThat(resideInAPackage(COMMAND_SIDE)
                        .or(resideInAPackage(QUERY_SIDE))
                        .or(THE_APP)
                        .or(resideInAPackage("org.springframework..")))
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        noClasses()
                .that()
                .resideInAPackage(COMMAND_SIDE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(QUERY_SIDE)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /**
     * Decisions come from the write side's own state (aggregates, lookup tables kept in the same
     * transaction as the events): a read model may lag, be replaying or run in another process.
     */
    @Test
    void theCommandSideAsksNoQueries() {
        noClasses()
                .that()
                .resideInAPackage(COMMAND_SIDE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.axonframework.queryhandling..")
                .orShould()
                .dependOnClassesThat(resideInAPackage(API)
                        .and(simpleNameStartingWith("Find"))
                        .as("the shared API's queries"))
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void theQuerySideDoesNotKnowTheCommandSide() {
        noClasses()
                .that()
                .resideInAPackage(QUERY_SIDE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(COMMAND_SIDE)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void neitherSideKnowsTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
                .should()
                .dependOnClassesThat(THE_APP)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void aggregatesUseNoWebNoPersistenceAndNoClock() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.persistence..", "org.springframework.data..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Clock.class)
                .orShould()
                .callMethodWhere(readsTheTime())
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void theAppUsesTheSidesAndTheSidesUseTheSharedApi() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("App")
                .definedBy(THE_APP)
                .layer("Command side")
                .definedBy(COMMAND_SIDE)
                .layer("Query side")
                .definedBy(QUERY_SIDE)
                .layer("Shared API")
                .definedBy(API)
                .whereLayer("App")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Command side")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Query side")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Shared API")
                .mayOnlyBeAccessedByLayers("App", "Command side", "Query side")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void noCodeHidesInUtilityPackages() {
        noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..", "..helpers..", "..managers..", "..impl..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    /** {@code now()} of any {@code java.time} type: the time of a decision comes in the command. */
    private static DescribedPredicate<JavaMethodCall> readsTheTime() {
        return DescribedPredicate.describe(
                "read the time through java.time's now()",
                call -> call.getName().equals("now")
                        && call.getTargetOwner().getPackageName().equals("java.time"));
    }
}

package io.cxtracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of docs/ARCHITECTURE.md ("Modules"), checked on the compiled classes of every module (the WAR module
 * has all of them on its classpath).
 */
@AnalyzeClasses(packages = "io.cxtracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsOnlyJakartaEeAndTheJdk = classes()
            .that().resideInAPackage("io.cxtracker.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.cxtracker.domain..", "java..", "javax.sql..", "javax.crypto..", "jakarta..")
            .because("the domain holds the rules and must not know JPA implementations, REST, Vaadin or other modules "
                    + "(javax.crypto is the JDK's own: a webhook's HMAC signature is a rule of the domain)");

    @ArchTest
    static final ArchRule domainUsesNoRestOrWebApi = noClasses()
            .that().resideInAPackage("io.cxtracker.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.faces..")
            .because("REST and web concerns live in api and ui");

    @ArchTest
    static final ArchRule domainNeverUsesDemo = noClasses()
            .that().resideInAPackage("io.cxtracker.domain..")
            .should().dependOnClassesThat().resideInAPackage("io.cxtracker.demo..")
            .because("the demo module is a tool built on the domain; the domain holds the model and its rules, not tools");

    @ArchTest
    static final ArchRule demoUsesTheDomainOnly = classes()
            .that().resideInAPackage("io.cxtracker.demo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.cxtracker.demo..", "io.cxtracker.domain..", "java..")
            .because("the demo fills a program through the domain's use-case services, as a user would, and nothing else");

    @ArchTest
    static final ArchRule persistenceDependsOnlyOnDomain = noClasses()
            .that().resideInAPackage("io.cxtracker.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cxtracker.api..", "io.cxtracker.ui..", "com.vaadin..",
                    "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule apiNeverTouchesPersistenceOrUi = noClasses()
            .that().resideInAPackage("io.cxtracker.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cxtracker.persistence..", "io.cxtracker.ui..",
                    "com.vaadin..", "jakarta.persistence..", "org.hibernate..")
            .because("the API calls use-case services; CDI wires the repositories");

    @ArchTest
    static final ArchRule uiNeverTouchesPersistenceOrApi = noClasses()
            .that().resideInAPackage("io.cxtracker.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cxtracker.persistence..", "io.cxtracker.api..",
                    "jakarta.persistence..", "org.hibernate..", "jakarta.ws.rs..")
            .because("the UI calls the same use-case services as the API");

    @ArchTest
    static final ArchRule resourcesAreNotTransactional = noClasses()
            .that().resideInAPackage("io.cxtracker.api..")
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .because("transactions belong to use-case services");

    @ArchTest
    static final ArchRule repositoryInterfacesLiveInTheDomain = classes()
            .that().haveSimpleNameEndingWith("Repository").and().areInterfaces()
            .should().resideInAPackage("io.cxtracker.domain..");

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = slices()
            .matching("io.cxtracker.domain.(*)..")
            .should().beFreeOfCycles()
            .because("each feature of the domain builds on the ones below it; shared types live in the shared kernel");
}

package dev.users.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.users.events.UserEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the code's shape that the Maven modules cannot enforce (that the two sides never import each other,
 * and that the shared modules depend on nothing of ours, the poms already do): a domain free of frameworks and
 * storage, storage only behind adapters, controllers that only send commands and queries, and a contract of records.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.users");

    /** JDBC and JPA alike: repositories and entities are adapters too. */
    private static final String[] STORAGE = {"org.springframework.jdbc..", "java.sql..", "javax.sql..",
            "jakarta.persistence..", "org.springframework.data.."};

    /** In the spirit of ddd-by-examples/library's NoSpringInDomainLogicTest; Axon's annotations are allowed. */
    @Test
    void theDomainKnowsNoFrameworkStorageOrJson() {
        noClasses().that().resideInAPackage("dev.users.command.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "java.sql..", "javax.sql..", "com.fasterxml..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("dev.users.command.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.users.command.infra..",
                        "dev.users.command.web..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAdaptersTouchTablesOnTheCommandSide() {
        noClasses().that().resideInAPackage("dev.users.command..")
                .and().resideOutsideOfPackage("dev.users.command.infra..")
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE)
                .check(CLASSES);
    }

    @Test
    void controllersTouchNeitherTablesNorTheEventStore() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                        "org.axonframework.eventhandling..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideNeverSendsCommands() {
        noClasses().that().resideInAPackage("dev.users.query..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..")
                .check(CLASSES);
    }

    @Test
    void commandsAreRecordsOfPlainValues() {
        classes().that().resideInAPackage("dev.users.command.api").and().areNotInterfaces()
                .should().beRecords()
                .check(CLASSES);
        classes().that().resideInAPackage("dev.users.command.api")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.users.command.api..",
                        "dev.users.events..", "org.axonframework.modelling.command..")
                .check(CLASSES);
    }

    @Test
    void eventsAreRecordsOfTheContract() {
        classes().that().implement(UserEvent.class)
                .should().beRecords().andShould().resideInAPackage("dev.users.events")
                .check(CLASSES);
    }
}

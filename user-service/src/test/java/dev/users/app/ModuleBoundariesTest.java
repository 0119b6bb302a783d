package dev.users.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shape DESIGN.md promises: the two sides never import each other; the contract depends on nothing of ours. */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.users");

    @Test
    void commandSideNeverImportsQuerySide() {
        noClasses().that().resideInAPackage("dev.users.command..")
                .should().dependOnClassesThat().resideInAPackage("dev.users.query..")
                .check(CLASSES);
    }

    @Test
    void querySideNeverImportsCommandSide() {
        noClasses().that().resideInAPackage("dev.users.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.users.command..")
                .check(CLASSES);
    }

    @Test
    void sharedContractDependsOnNothingOfTheProject() {
        noClasses().that().resideInAnyPackage("dev.users.events..", "dev.users.queries..", "dev.users.errors..", "dev.users.roles..",
                        "dev.users.web..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.users.command..", "dev.users.query..",
                        "dev.users.app..")
                .check(CLASSES);
    }

    @Test
    void sidesDoNotReachIntoTheApplication() {
        noClasses().that().resideInAnyPackage("dev.users.command..", "dev.users.query..")
                .should().dependOnClassesThat().resideInAPackage("dev.users.app..")
                .check(CLASSES);
    }
}

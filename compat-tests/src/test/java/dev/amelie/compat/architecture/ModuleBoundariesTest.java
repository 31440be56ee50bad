package dev.amelie.compat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The import table of ARCHITECTURE.md ("Modules, and who may import whom"), enforced on the
 * compiled classes of every module.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.amelie");
    }

    @Test
    void vmDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.amelie.vm..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.amelie.vm..", "java..")
                .check(classes);
    }

    @Test
    void walDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.amelie.wal..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.amelie.wal..", "java..")
                .check(classes);
    }

    @Test
    void computeUsesOnlyVmWalAndJctools() {
        noClasses().that().resideInAPackage("dev.amelie.compute..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.amelie.compute..", "dev.amelie.vm..",
                        "dev.amelie.wal..", "org.jctools..", "org.slf4j..", "java..")
                .check(classes);
    }

    @Test
    void plannerSeesComputeOnlyThroughTheCatalog() {
        noClasses().that().resideInAPackage("dev.amelie.planner..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.amelie.compute.executor..", "dev.amelie.compute.node..",
                        "dev.amelie.compute.storage..", "dev.amelie.compute.recovery..", "dev.amelie.compute.log..",
                        "dev.amelie.wal..", "dev.amelie.pgwire..", "dev.amelie.admin..")
                .check(classes);
    }

    @Test
    void noCalciteTypeOutlivesPlanning() {
        noClasses().that().resideInAnyPackage("dev.amelie.vm..", "dev.amelie.compute..", "dev.amelie.pgwire..", "dev.amelie.wal..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.calcite..")
                .check(classes);
    }

    @Test
    void nothingImportsTheAdminCli() {
        noClasses().that().resideOutsideOfPackage("dev.amelie.admin..")
                .should().dependOnClassesThat().resideInAPackage("dev.amelie.admin..")
                .check(classes);
    }

    @Test
    void onlyTheAdminCliPicksLogback() {
        noClasses().that().resideOutsideOfPackage("dev.amelie.admin..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }
}

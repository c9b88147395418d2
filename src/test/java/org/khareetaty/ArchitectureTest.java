package org.khareetaty;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering written in docs/architecture.md, enforced. */
class ArchitectureTest {

    private static final String[] CORE = {
        "org.khareetaty.common..", "org.khareetaty.store..", "org.khareetaty.ingest..", "org.khareetaty.analysis..",
        "org.khareetaty.alerts..", "org.khareetaty.report..", "org.khareetaty.sync..", "org.khareetaty.security..",
        "org.khareetaty.pipeline..", "org.khareetaty.charts..", "org.khareetaty.map..", "org.khareetaty.cli..",
        "org.khareetaty.core.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.khareetaty");
    }

    @Test
    void coreNeverUsesJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..", "org.jfree.chart.fx..")
                .because("the core runs headless in the CLI and on servers");
        rule.check(classes);
    }

    @Test
    void uiNeverUsesJdbc() {
        ArchRule rule = noClasses().that().resideInAPackage("org.khareetaty.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("view models go through core services; SQL lives in the store and feature services");
        rule.check(classes);
    }

    @Test
    void coreDoesNotDependOnUiOrApp() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.khareetaty.ui..", "org.khareetaty.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.khareetaty.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void loggingThroughSlf4jOnly() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.log4j..", "org.apache.logging.log4j..",
                "org.apache.commons.logging..").check(classes);
    }

    @Test
    void noStandardStreamsOrPrintStackTrace() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(
                classes.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                org.khareetaty.cli.Cli.class, org.khareetaty.app.Main.class))));
    }
}

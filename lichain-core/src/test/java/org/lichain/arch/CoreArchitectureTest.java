package org.lichain.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The core module is the pure model: no CLI, server, Spark or UI code may creep in. */
class CoreArchitectureTest {
    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lichain");

    @Test
    void coreHasNoCliServerSparkOrUiDependency() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "picocli..", "me.tongfei.progressbar..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                "org.apache.spark..", "scala..", "org.knowm.xchart..", "de.erichseifert..", "javax.swing..",
                "java.awt..", "org.openqa.selenium..",
                "org.lichain.cli..", "org.lichain.server..", "org.lichain.report..", "org.lichain.spark..");
        rule.check(CORE);
    }

    @Test
    void worldDoesNotDependOnCapabilities() {
        noClasses().that().resideInAPackage("org.lichain.world..").should().dependOnClassesThat()
                .resideInAnyPackage("org.lichain.market..", "org.lichain.cost..", "org.lichain.environment..",
                        "org.lichain.company..", "org.lichain.operations..", "org.lichain.scenario..")
                .check(CORE);
    }
}

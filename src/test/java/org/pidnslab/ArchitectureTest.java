package org.pidnslab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of design.md, enforced: data flows one way, and only the window knows JavaFX. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pidnslab");
  }

  @Test
  void kernelDependsOnTheJdkOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.pidnslab.kernel..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.pidnslab.kernel..", "java..")
        .check(classes);
  }

  @Test
  void scriptUsesOnlyTheKernel() {
    noClasses()
        .that()
        .resideInAPackage("org.pidnslab.script..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.pidnslab.kernel..", "org.pidnslab.script..", "java..")
        .check(classes);
  }

  @Test
  void kernelAndScriptNeverTouchJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage("org.pidnslab.kernel..", "org.pidnslab.script..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.pidnslab.app..")
        .check(classes);
  }

  @Test
  void nothingOutsideTheWindowImportsJavaFx() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.pidnslab.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..")
        .check(classes);
  }

  @Test
  void nothingImportsTheWindow() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.pidnslab.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.pidnslab.app..")
        .check(classes);
  }

  @Test
  void hostSitsBelowTheCommandLine() {
    // this machine's kernel and /proc: the simulation to compare with, JSON quoting, the diff
    noClasses()
        .that()
        .resideInAPackage("org.pidnslab.host..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.pidnslab.host..",
            "org.pidnslab.script..",
            "org.pidnslab.kernel..",
            "org.pidnslab.export..",
            "com.github.difflib..",
            "java..")
        .check(classes);
  }

  @Test
  void exportDrawsFromTheDrawingModelWithJava2dAndJFreeOnly() {
    noClasses()
        .that()
        .resideInAPackage("org.pidnslab.export..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.pidnslab.export..",
            "org.pidnslab.graph..",
            "org.pidnslab.kernel..",
            "org.pidnslab.script..",
            "org.jgrapht..",
            "org.jfree.svg..",
            "org.jfree.pdf..",
            "java..",
            "javax.imageio..",
            "org.w3c.dom..")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineAndTheWindowUseTheExports() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.pidnslab.kernel..", "org.pidnslab.script..", "org.pidnslab.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.pidnslab.export..", "org.pidnslab.cli..", "org.pidnslab.host..")
        .check(classes);
  }
}

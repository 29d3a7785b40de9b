package org.pidnslab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of design.md, enforced: data flows one way, and only the window knows JavaFX. Inside
 * the window ({@code app}), the feature packages of docs/architecture.md use each other one way
 * too.
 */
class ArchitectureTest {
  private static final String APP = "org.pidnslab.app.";

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

  @Test
  void everyWindowClassIsInAFeaturePackage() {
    classes()
        .that()
        .resideInAPackage("org.pidnslab.app..")
        .should()
        .resideInAnyPackage(
            APP + "common..",
            APP + "model..",
            APP + "graphview..",
            APP + "lessons..",
            APP + "experiment..",
            APP + "help..",
            APP + "export..",
            APP + "host..",
            APP + "present..",
            APP + "window..")
        .check(classes);
  }

  @Test
  void theWindowsFeaturesHaveNoCycles() {
    slices().matching("org.pidnslab.app.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void eachFeatureUsesOnlyTheFeaturesBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("common")
        .definedBy(APP + "common..")
        .layer("model")
        .definedBy(APP + "model..")
        .layer("graphview")
        .definedBy(APP + "graphview..")
        .layer("lessons")
        .definedBy(APP + "lessons..")
        .layer("experiment")
        .definedBy(APP + "experiment..")
        .layer("help")
        .definedBy(APP + "help..")
        .layer("export")
        .definedBy(APP + "export..")
        .layer("host")
        .definedBy(APP + "host..")
        .layer("present")
        .definedBy(APP + "present..")
        .layer("window")
        .definedBy(APP + "window..")
        .whereLayer("common")
        .mayNotAccessAnyLayer()
        .whereLayer("model")
        .mayNotAccessAnyLayer()
        .whereLayer("graphview")
        .mayOnlyAccessLayers("common", "model")
        .whereLayer("lessons")
        .mayOnlyAccessLayers("model")
        .whereLayer("experiment")
        .mayOnlyAccessLayers("common", "model", "graphview", "lessons")
        .whereLayer("help")
        .mayOnlyAccessLayers("common", "model", "experiment")
        .whereLayer("export")
        .mayOnlyAccessLayers("common", "model")
        .whereLayer("host")
        .mayOnlyAccessLayers("common", "model", "graphview")
        .whereLayer("present")
        .mayOnlyAccessLayers("model", "graphview", "experiment")
        .whereLayer("window")
        .mayOnlyAccessLayers(
            "common",
            "model",
            "graphview",
            "lessons",
            "experiment",
            "help",
            "export",
            "host",
            "present")
        .check(classes);
  }

  /** The view-model is tested without a window: observable properties and lists, no nodes. */
  @Test
  void theViewModelNeedsNoSceneGraph() {
    noClasses()
        .that()
        .resideInAPackage(APP + "model..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("javafx..")
                .and(resideOutsideOfPackages("javafx.beans..", "javafx.collections..")))
        .check(classes);
  }
}

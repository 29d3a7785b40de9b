package org.pidnslab.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The graph layer of design.md: it reads the kernel and uses JGraphT, and knows no toolkit. */
class GraphLayerTest {

  @Test
  void graphDependsOnlyOnTheKernelJGraphTAndTheJdk() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pidnslab.graph");
    noClasses()
        .that()
        .resideInAPackage("org.pidnslab.graph..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.pidnslab.graph..", "org.pidnslab.kernel..", "org.jgrapht..", "java..")
        .check(classes);
  }
}

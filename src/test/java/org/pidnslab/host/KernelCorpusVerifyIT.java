package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole kernel-recorded corpus (368 scripts) through verify on this kernel: every one
 * identical. A failsafe test because it takes minutes (about 0.2 s a script on 2 cores).
 */
class KernelCorpusVerifyIT {
  static List<Path> corpus() throws IOException {
    return KernelScripts.in(KernelScripts.CORPUS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyRecordedScriptIsIdentical(Path script) throws Exception {
    Verification v = KernelScripts.verify(script, RunMode.forThisProcess());
    assertTrue(v.identical(), () -> KernelScripts.report(v));
  }
}

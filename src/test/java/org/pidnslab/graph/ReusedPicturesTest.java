package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;

/**
 * A builder made by {@link DrawingBuilder#reusingPictures()} gives back the picture it built for
 * the same kernel and options, the very one a new build would make, and builds anew for anything
 * else; a plain builder always builds.
 */
class ReusedPicturesTest {
  private static final DrawingOptions FR = DrawingOptions.DEFAULT.withLayout(LayoutChoice.FR);

  @Test
  void theSameKernelAndOptionsGiveBackThePictureBuilt() {
    Kernel k = Scenes.machine().k;
    DrawingBuilder b = new DrawingBuilder().reusingPictures();
    Drawing first = b.build(k, FR);
    assertSame(first, b.build(k, FR));
    assertSame(first, b.build(k, FR.withAspect(16.0 / 9)), "the aspect shapes only compact");
    assertEquals(new DrawingBuilder().build(k, FR).toString(), first.toString());
  }

  @Test
  void anythingElseIsBuiltAnew() {
    Kernel k = Scenes.machine().k;
    DrawingBuilder b = new DrawingBuilder().reusingPictures();
    DrawingOptions compact = DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT);
    Drawing wide = b.build(k, compact.withAspect(3));
    Drawing tall = b.build(k, compact.withAspect(0.3));
    assertNotSame(wide, tall);
    assertEquals(
        new DrawingBuilder().build(k, compact.withAspect(0.3)).toString(), tall.toString());
    Drawing fr = b.build(k, FR);
    Kernel other = Scenes.machine().k; // the same state, another kernel: it may change apart
    assertNotSame(fr, b.build(other, FR));
    Drawing kept = b.build(k, FR);
    assertNotSame(fr, kept, "the other kernel's were kept in between");
    // only the last few are kept: FR's, then three more, then a fifth that pushes FR's out
    for (LayoutChoice l : LayoutChoice.values()) {
      b.build(k, DrawingOptions.DEFAULT.withLayout(l));
    }
    assertSame(kept, b.build(k, FR));
    b.build(k, compact.withAspect(5));
    assertNotSame(kept, b.build(k, FR));
  }

  @Test
  void aPlainBuilderAlwaysBuilds() {
    Kernel k = Scenes.machine().k;
    DrawingBuilder b = new DrawingBuilder();
    assertNotSame(b.build(k, FR), b.build(k, FR));
  }
}

#pragma once
// A stroke on a mask document as the brush makes one (begin, paint, end: one undo step), for the ui tests
// that need marked masks to save.

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"

namespace kensa::test {

// One stroke: row y of the mask marked from edge to edge.
inline void markRow(ui::MaskDocument* doc, int y) {
    doc->beginEdit();
    doc->touched(ui::mask_ops::paintSegment(doc->editableMask(), {0, y + 0.5},
                                            {qreal(doc->mask().width()), y + 0.5}, 0.5, 255));
    doc->endEdit(QStringLiteral("line"));
}

}  // namespace kensa::test

// The short names the layers × heads grids give rows and columns ("L1", "H1";
// German "S1", "H1"), and a head as the ablation view lists it ("L1 H2"), in
// one translation context. Indices are 0-based; the names count from 1.
#pragma once

#include <QString>
#include <cstdint>

namespace HeadLabels {

QString layer(int64_t index);
QString head(int64_t index);
QString layerAndHead(int64_t layer, int64_t head);

}  // namespace HeadLabels

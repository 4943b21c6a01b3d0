// Which attention heads take part in a forward pass, as plain values (the GUI's
// ablation grid, the CLI's --head-mask), turned into transformers' head_mask
// tensor by headMaskTensor (head_mask_tensor.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

struct HeadMask {
    int64_t layers = 0, heads = 0;
    std::vector<float> factors;  // [layers * heads]: 1 keeps a head, 0 switches it off

    static HeadMask allOn(int64_t layers, int64_t heads) {
        return {layers, heads, std::vector<float>(size_t(layers * heads), 1.0f)};
    }
    bool empty() const { return factors.empty(); }  // empty = every head on
    bool on(int64_t layer, int64_t head) const { return empty() || factors[size_t(layer * heads + head)] != 0.0f; }
    void set(int64_t layer, int64_t head, bool keep) { factors[size_t(layer * heads + head)] = keep ? 1.0f : 0.0f; }
    int64_t offCount() const;
};

// "L:H,L:H" (0-based layer and head) -> a mask with those heads off; a bad
// item, or one outside layers × heads, is a UsageError naming it.
HeadMask parseHeadList(const std::string& list, int64_t layers, int64_t heads);
// The opposite: the heads switched off, as "L:H,..." (empty when none).
std::string headListOf(const HeadMask& mask);

}  // namespace bertbench

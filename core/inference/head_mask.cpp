#include "inference/head_mask.h"

#include "common/errors.h"

#include <sstream>

namespace bertbench {

int64_t HeadMask::offCount() const {
    int64_t off = 0;
    for (const float f : factors) off += f == 0.0f;
    return off;
}

HeadMask parseHeadList(const std::string& list, int64_t layers, int64_t heads) {
    HeadMask mask = HeadMask::allOn(layers, heads);
    std::stringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
        if (item.empty()) continue;
        const auto colon = item.find(':');
        size_t layerEnd = 0, headEnd = 0;
        int64_t layer = -1, head = -1;
        try {
            if (colon != std::string::npos) {
                layer = std::stoll(item.substr(0, colon), &layerEnd);
                head = std::stoll(item.substr(colon + 1), &headEnd);
            }
        } catch (const std::exception&) {
            layer = head = -1;
        }
        if (colon == std::string::npos || layerEnd != colon || headEnd != item.size() - colon - 1 || layer < 0 ||
            head < 0)
            throw UsageError("'" + item + "' is not a head: write layer:head, counting from 0, e.g. 0:1");
        if (layer >= layers || head >= heads)
            throw UsageError("head " + item + " does not exist: the model has " + std::to_string(layers) +
                             " layers of " + std::to_string(heads) + " heads (0:0 to " + std::to_string(layers - 1) +
                             ":" + std::to_string(heads - 1) + ")");
        mask.set(layer, head, false);
    }
    return mask;
}

std::string headListOf(const HeadMask& mask) {
    std::string list;
    for (int64_t l = 0; l < mask.layers; ++l)
        for (int64_t h = 0; h < mask.heads; ++h)
            if (!mask.on(l, h)) list += (list.empty() ? "" : ",") + std::to_string(l) + ":" + std::to_string(h);
    return list;
}

}  // namespace bertbench

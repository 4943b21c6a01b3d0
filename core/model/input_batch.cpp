#include "model/input_batch.h"

#include <algorithm>

namespace bertbench {

TokenSequence sequenceOf(const Encoding& encoding) {
    const auto& types = encoding.tokenTypeIds;
    const auto second = std::find(types.begin(), types.end(), 1);
    return {&encoding.inputIds, size_t(second - types.begin())};
}

ModelInputs padBatch(const std::vector<TokenSequence>& sequences, int32_t padId, size_t length,
                    torch::Device device) {
    size_t longest = 0;
    for (const auto& s : sequences) longest = std::max(longest, s.ids->size());
    const auto tokens = int64_t(std::max(length, longest));
    const auto batch = static_cast<int64_t>(sequences.size());

    // Filled on the CPU through raw pointers (accessors cost a bounds-free but
    // strided index per element), then moved to the device in one copy each.
    auto ids = torch::full({batch, tokens}, int64_t(padId), torch::kInt64);
    auto types = torch::zeros({batch, tokens}, torch::kInt64);
    auto mask = torch::zeros({batch, tokens}, torch::kInt64);
    int64_t* idsData = ids.data_ptr<int64_t>();
    int64_t* typesData = types.data_ptr<int64_t>();
    int64_t* maskData = mask.data_ptr<int64_t>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& s = sequences[size_t(b)];
        const size_t n = s.ids->size();
        for (size_t t = 0; t < n; ++t) {
            idsData[b * tokens + int64_t(t)] = (*s.ids)[t];
            typesData[b * tokens + int64_t(t)] = t >= s.secondSegmentStart ? 1 : 0;
            maskData[b * tokens + int64_t(t)] = 1;
        }
    }
    if (device.is_cpu()) return {ids, types, mask};
    return {ids.to(device), types.to(device), mask.to(device)};
}

}  // namespace bertbench

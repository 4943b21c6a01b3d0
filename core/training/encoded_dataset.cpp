#include "training/encoded_dataset.h"

#include "common/errors.h"

#include <algorithm>

namespace bertbench {

EncodedDataset encodeDataset(const Dataset& dataset, const Tokenizer& tokenizer, size_t maxLength,
                             const std::function<bool(double)>& progress) {
    EncodedDataset encoded;
    encoded.numLabels = static_cast<int64_t>(dataset.labelNames.size());
    encoded.examples.reserve(dataset.examples.size());
    const size_t total = dataset.examples.size();
    for (size_t i = 0; i < total; ++i) {
        const auto& example = dataset.examples[i];
        auto encoding = dataset.hasPairs ? tokenizer.encodePair(example.text, example.textPair, maxLength)
                                         : tokenizer.encode(example.text, maxLength);
        if (encoding.truncated()) ++encoded.truncated;
        const auto& types = encoding.tokenTypeIds;
        const auto second = uint32_t(std::find(types.begin(), types.end(), 1) - types.begin());
        encoded.examples.push_back({std::move(encoding.inputIds), second, example.label});
        if (progress && i % 1024 == 0 && !progress(double(i) / double(total)))
            throw OperationCancelled("tokenizing was cancelled");
    }
    return encoded;
}

}  // namespace bertbench

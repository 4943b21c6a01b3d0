#include "training/classifier_batches.h"

#include "checkpoint/model_folder.h"
#include "data/label_alignment.h"
#include "model/input_batch.h"

#include <algorithm>
#include <numeric>

namespace bertbench {

EncodedDataset encodeForClassifier(const ModelBundle& model, const Dataset& data, size_t maxLength) {
    const auto limit = size_t(model.maxLength);
    const auto aligned = alignLabels(data, model.config.id2label);
    return encodeDataset(aligned, *model.tokenizer, maxLength == 0 || maxLength > limit ? limit : maxLength);
}

std::vector<size_t> shortestFirst(const EncodedDataset& data) {
    std::vector<size_t> order(data.examples.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return data.examples[a].ids.size() < data.examples[b].ids.size(); });
    return order;
}

LabelledBatch labelledBatch(const EncodedDataset& data, const std::vector<size_t>& order, size_t begin, size_t end,
                            int32_t padId, torch::Device device) {
    std::vector<TokenSequence> sequences;
    std::vector<int64_t> labels;
    LabelledBatch batch;
    for (size_t i = begin; i < end; ++i) {
        const auto& e = data.examples[order[i]];
        sequences.push_back({&e.ids, e.secondSegmentStart});
        labels.push_back(e.label);
        batch.tokens += e.ids.size();
    }
    batch.inputs = padBatch(sequences, padId, 0, device);
    batch.labels = torch::tensor(labels).to(device);
    return batch;
}

}  // namespace bertbench

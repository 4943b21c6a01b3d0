#include "inference/batch_prediction.h"

#include "common/errors.h"
#include "inference/predictor.h"

#include <algorithm>
#include <numeric>

namespace bertbench {

std::vector<Prediction> predictInBatches(const Predictor& predictor, const std::vector<std::string>& texts,
                                         size_t batchSize, const std::function<bool(double)>& progress,
                                         bool shortestFirst) {
    // The text's length in bytes stands in for its token count: sorting needs
    // only an order, and tokenizing twice would cost more than it saves.
    std::vector<size_t> order(texts.size());
    std::iota(order.begin(), order.end(), size_t(0));
    if (shortestFirst)
        std::stable_sort(order.begin(), order.end(),
                         [&texts](size_t a, size_t b) { return texts[a].size() < texts[b].size(); });
    std::vector<Prediction> predictions(texts.size());
    batchSize = std::max<size_t>(1, batchSize);
    for (size_t start = 0; start < texts.size(); start += batchSize) {
        const auto end = std::min(texts.size(), start + batchSize);
        std::vector<std::string> batch;
        for (size_t i = start; i < end; ++i) batch.push_back(texts[order[i]]);
        auto results = predictor.predictBatch(batch);
        for (size_t i = start; i < end; ++i) predictions[order[i]] = std::move(results[i - start]);
        if (progress && !progress(double(end) / double(texts.size())))
            throw OperationCancelled("prediction cancelled");
    }
    return predictions;
}

}  // namespace bertbench

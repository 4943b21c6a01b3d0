#include "explain/attention_comparison.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "inference/predictor.h"

#include <algorithm>
#include <cmath>

namespace bertbench {

namespace {

void checkComparable(const Prediction& a, const Prediction& b) {
    if (a.attentions->layers != b.attentions->layers || a.attentions->heads != b.attentions->heads)
        throw UsageError("the models have different shapes (" + std::to_string(a.attentions->layers) + " layers of " +
                         std::to_string(a.attentions->heads) + " heads against " +
                         std::to_string(b.attentions->layers) + " of " + std::to_string(b.attentions->heads) +
                         "): attention can only be compared head by head between models of one architecture");
    if (a.inputIds != b.inputIds)
        throw UsageError("the models tokenize '" + a.text +
                         "' differently: attention can only be compared between models with the same tokenizer");
}

// Adds each head's mean row divergence for one text to sums [layers * heads].
void addDivergences(const AttentionMaps& a, const AttentionMaps& b, std::vector<double>& sums) {
    const int t = a.tokens;
    for (int l = 0; l < a.layers; ++l)
        for (int h = 0; h < a.heads; ++h) {
            double sum = 0.0;
            for (int i = 0; i < t; ++i) sum += jensenShannon(&a.values[a.index(l, h, i, 0)], &b.values[b.index(l, h, i, 0)], t);
            sums[size_t(l * a.heads + h)] += t > 0 ? sum / t : 0.0;
        }
}

}  // namespace

double jensenShannon(const float* p, const float* q, int n) {
    // ½ KL(p‖m) + ½ KL(q‖m), m = (p + q) / 2; terms with a zero probability add 0.
    double divergence = 0.0;
    for (int i = 0; i < n; ++i) {
        const double pi = p[i], qi = q[i], mi = 0.5 * (pi + qi);
        if (pi > 0) divergence += 0.5 * pi * std::log2(pi / mi);
        if (qi > 0) divergence += 0.5 * qi * std::log2(qi / mi);
    }
    return std::max(0.0, divergence);
}

AttentionComparison compareAttention(std::shared_ptr<ModelBundle> first, std::shared_ptr<ModelBundle> second,
                                     const PredictRequest& input, const std::vector<PredictRequest>& sample,
                                     size_t maxLength) {
    const size_t length = maxLength > 0 ? maxLength : size_t(std::min(first->maxLength, second->maxLength));
    const Predictor a(std::move(first), length), b(std::move(second), length);
    auto withAttentions = [](PredictRequest request) {
        request.withAttentions = true;
        request.headMask = {};
        return request;
    };
    AttentionComparison result;
    result.first = a.predict(withAttentions(input));
    result.second = b.predict(withAttentions(input));
    checkComparable(result.first, result.second);
    const auto& mapA = *result.first.attentions;
    const auto& mapB = *result.second.attentions;
    result.difference = mapA;
    for (size_t i = 0; i < mapA.values.size(); ++i) result.difference.values[i] = mapB.values[i] - mapA.values[i];

    std::vector<double> sums(size_t(mapA.layers * mapA.heads), 0.0);
    if (sample.empty()) {
        addDivergences(mapA, mapB, sums);
        result.sampleSize = 1;
    }
    for (const auto& item : sample) {
        ++result.sampleSize;
        if (item.text == input.text && item.pair == input.pair) {  // already through both models
            addDivergences(mapA, mapB, sums);
            continue;
        }
        const auto pa = a.predict(withAttentions(item)), pb = b.predict(withAttentions(item));
        checkComparable(pa, pb);
        addDivergences(*pa.attentions, *pb.attentions, sums);
    }
    for (int l = 0; l < mapA.layers; ++l)
        for (int h = 0; h < mapA.heads; ++h)
            result.ranking.push_back({l, h, sums[size_t(l * mapA.heads + h)] / double(result.sampleSize)});
    std::stable_sort(result.ranking.begin(), result.ranking.end(),
                     [](const HeadChange& x, const HeadChange& y) { return x.divergence > y.divergence; });
    return result;
}

}  // namespace bertbench

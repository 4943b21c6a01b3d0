#include "explain/attention_rollout.h"

namespace bertbench {

namespace {

// One layer's matrix: mean over heads + identity, rows renormalised.
std::vector<double> layerMatrix(const AttentionMaps& maps, int layer) {
    const int t = maps.tokens;
    std::vector<double> m(size_t(t) * size_t(t), 0.0);
    for (int h = 0; h < maps.heads; ++h)
        for (int i = 0; i < t; ++i)
            for (int j = 0; j < t; ++j) m[size_t(i) * t + j] += maps.at(layer, h, i, j) / maps.heads;
    for (int i = 0; i < t; ++i) {
        m[size_t(i) * t + i] += 1.0;
        double sum = 0.0;
        for (int j = 0; j < t; ++j) sum += m[size_t(i) * t + j];
        for (int j = 0; j < t; ++j) m[size_t(i) * t + j] /= sum;
    }
    return m;
}

}  // namespace

std::vector<float> rolloutFromFirstToken(const AttentionMaps& maps) {
    // e₀ᵀ · A_L ⋯ A_1, one vector-matrix product per layer from the last: the
    // same row as attentionRollout's, in O(layers · tokens²) instead of tokens³.
    const int t = maps.tokens;
    if (maps.layers == 0 || t == 0) return {};
    std::vector<double> row(size_t(t), 0.0);
    row[0] = 1.0;
    for (int layer = maps.layers - 1; layer >= 0; --layer) {
        const auto a = layerMatrix(maps, layer);
        std::vector<double> next(size_t(t), 0.0);
        for (int k = 0; k < t; ++k)
            for (int j = 0; j < t; ++j) next[size_t(j)] += row[size_t(k)] * a[size_t(k) * t + j];
        row = std::move(next);
    }
    return {row.begin(), row.end()};
}

}  // namespace bertbench

#include "benchmark/flop_count.h"

namespace bertbench {

double forwardMatmulFlops(const ModelConfig& c, int64_t batch, int64_t tokens) {
    const double bt = double(batch) * double(tokens);
    const double h = double(c.hiddenSize), f = double(c.intermediateSize), t = double(tokens);
    const double projections = 2 * bt * h * (3 * h) + 2 * bt * h * h;  // query/key/value, attention output
    const double attention = 2 * (2 * bt * t * h);                      // scores QKᵀ and context P·V, all heads
    const double feedForward = 2 * (2 * bt * h * f);                    // intermediate and output dense
    const double head = 2 * double(batch) * h * h + 2 * double(batch) * h * double(c.numLabels());
    return double(c.numHiddenLayers) * (projections + attention + feedForward) + head;
}

double trainingStepFlops(const ModelConfig& config, int64_t batch, int64_t tokens) {
    return 3 * forwardMatmulFlops(config, batch, tokens);
}

}  // namespace bertbench

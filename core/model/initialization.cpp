#include "model/initialization.h"

#include "common/strings.h"

#include <algorithm>

namespace bertbench {

void initializeBertWeights(torch::nn::Module& model, const BertConfig& config,
                           const std::vector<std::string>& only) {
    torch::NoGradGuard noGrad;
    for (auto& item : model.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
        auto& p = item.value();
        if (endsWith(name, "LayerNorm.weight")) {
            p.fill_(1.0);
        } else if (endsWith(name, "bias")) {
            p.zero_();
        } else {
            p.normal_(0.0, config.initializerRange);
            if (endsWith(name, "word_embeddings.weight")) p[config.padTokenId].zero_();
        }
    }
}

}  // namespace bertbench

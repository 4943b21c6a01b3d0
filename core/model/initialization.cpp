#include "model/initialization.h"

#include "model/distilbert_embeddings.h"

#include <algorithm>

namespace bertbench {

void initializeWeights(torch::nn::Module& model, const ModelConfig& config, const std::vector<std::string>& only) {
    torch::NoGradGuard noGrad;
    auto wanted = [&](const std::string& name) {
        return only.empty() || std::find(only.begin(), only.end(), name) != only.end();
    };
    // By module type, not by name: the families name their LayerNorms
    // differently (LayerNorm, sa_layer_norm, layer_norm, vocab_layer_norm).
    for (const auto& item : model.named_modules(/*name_prefix=*/"", /*include_self=*/true)) {
        const std::string prefix = item.key().empty() ? "" : item.key() + ".";
        auto& module = *item.value();
        for (auto& parameter : module.named_parameters(/*recurse=*/false)) {
            if (!wanted(prefix + parameter.key())) continue;
            auto& p = parameter.value();
            if (module.as<torch::nn::LayerNormImpl>() && parameter.key() == "weight") {
                p.fill_(1.0);
            } else if (parameter.key() == "bias") {
                p.zero_();
            } else {
                p.normal_(0.0, config.initializerRange);
                if (auto* embedding = module.as<torch::nn::EmbeddingImpl>())
                    if (auto padding = embedding->options.padding_idx()) p[*padding].zero_();
            }
        }
    }
    // After the loop: it visits a module before its children, whose random
    // init would overwrite the table.
    if (!config.sinusoidalPositions) return;
    for (const auto& item : model.named_modules(/*name_prefix=*/"", /*include_self=*/true)) {
        const std::string prefix = item.key().empty() ? "" : item.key() + ".";
        if (auto* embeddings = item.value()->as<DistilBertEmbeddingsImpl>();
            embeddings && wanted(prefix + "position_embeddings.weight"))
            embeddings->useSinusoidalPositions();
    }
}

}  // namespace bertbench

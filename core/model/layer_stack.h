// Running an encoder's layers in order, collecting what ForwardOptions asks
// for; shared by every family's encoder (their layer classes differ, the loop
// does not). Shapes: B batch, T tokens, H hidden.
#pragma once

#include "model/activation_checkpoint.h"
#include "model/model_io.h"

#include <torch/torch.h>

namespace bertbench {

// hidden: the embeddings output [B, T, H]; Layer::forward(hidden, mask,
// probabilities*) as BertLayer's. Fills out.hiddenStates (embeddings output
// first), out.attentions and out.lastHiddenState.
template <typename Layer>
// options.headMask must have been checked (checkHeadMask) by the caller, which knows the heads.
void runLayerStack(torch::nn::ModuleList& layers, torch::Tensor hidden, const torch::Tensor& additiveMask,
                   const ForwardOptions& options, EncoderOutput& out) {
    if (options.hiddenStates) out.hiddenStates.push_back(hidden);
    int64_t index = 0;
    for (const auto& module : *layers) {
        torch::Tensor probabilities;
        const torch::Tensor headMask = options.headMask.defined() ? options.headMask[index++] : torch::Tensor();
        if (options.checkpointActivations && !options.attentions && !options.hiddenStates) {
            // By value: backward runs the layer again after this function has returned.
            auto again = [module, additiveMask, headMask](const torch::Tensor& x) {
                return module->as<Layer>()->forward(x, additiveMask, nullptr, headMask);
            };
            hidden = checkpointed(again, hidden);
        } else {
            hidden = module->as<Layer>()->forward(hidden, additiveMask, options.attentions ? &probabilities : nullptr,
                                                  headMask);
        }
        if (options.attentions) out.attentions.push_back(probabilities);
        if (options.hiddenStates) out.hiddenStates.push_back(hidden);
    }
    out.lastHiddenState = hidden;
}

}  // namespace bertbench

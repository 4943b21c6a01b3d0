#include "training/masked_lm_batch.h"

namespace bertbench {

MaskedBatch maskTokens(const ModelInputs& inputs, int32_t maskId, int64_t vocabSize,
                       const std::vector<int32_t>& specialIds, double probability,
                       c10::optional<at::Generator> generator) {
    const auto& ids = inputs.inputIds;
    auto eligible = inputs.attentionMask.defined() ? inputs.attentionMask.to(torch::kBool)
                                                   : torch::ones_like(ids, torch::kBool);
    for (int32_t special : specialIds) eligible = eligible & (ids != special);

    const auto uniform = torch::TensorOptions().device(ids.device());
    auto chosen = (torch::rand(ids.sizes(), generator, uniform) < probability) & eligible;
    auto labels = torch::where(chosen, ids, torch::full_like(ids, kIgnoredLabel));

    auto draw = torch::rand(ids.sizes(), generator, uniform);
    auto toMask = chosen & (draw < 0.8);
    auto toRandom = chosen & (draw >= 0.8) & (draw < 0.9);
    auto randomIds = torch::randint(vocabSize, ids.sizes(), generator, ids.options());
    auto masked = torch::where(toMask, torch::full_like(ids, maskId), ids);
    masked = torch::where(toRandom, randomIds, masked);
    return {{masked, inputs.tokenTypeIds, inputs.attentionMask}, labels};
}

MaskedLogits maskedLogits(TaskModelImpl& model, const ModelInputs& inputs, const torch::Tensor& labels,
                          ForwardOptions options) {
    const auto flat = labels.reshape({-1});
    options.logitPositions = (flat != kIgnoredLabel).nonzero().squeeze(/*dim=*/1);
    return {model.forward(inputs, options).logits, flat.index_select(/*dim=*/0, options.logitPositions)};
}

}  // namespace bertbench

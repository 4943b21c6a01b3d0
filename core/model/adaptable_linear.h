// A linear layer (y = x Wᵀ + b, parameters "weight" and "bias" as in
// torch::nn::Linear, so Hugging Face keys map 1:1) that can carry a LoRA adapter
// (Hu et al. 2021): y += (α/r) · dropout(x) Aᵀ Bᵀ with A [r, in], B [out, r].
// Without an adapter it costs exactly what a plain linear layer costs.
// Shapes: I input width, O output width, R adapter rank.
#pragma once

#include "model/dropout.h"

#include <torch/torch.h>

namespace bertbench {

class PackedWeightCache;

class AdaptableLinearImpl : public torch::nn::Module {
public:
    AdaptableLinearImpl(int64_t inputWidth, int64_t outputWidth);

    torch::Tensor forward(const torch::Tensor& x);  // [..., I] -> [..., O]

    // Adds a trainable adapter (A ~ Kaiming-uniform, B = 0 so the layer's output
    // is unchanged at first), registered as "lora_A" and "lora_B".
    void addAdapter(int64_t rank, double alpha, double dropout);
    bool hasAdapter() const { return loraA_.defined(); }
    // Folds the adapter into weight and removes lora_A, lora_B and their dropout,
    // so the layer is a plain linear layer again and a later run can add a new one.
    void mergeAdapter();
    // weight + (α/r) B A: what the weight would be with the adapter folded in.
    torch::Tensor mergedWeight() const;

    // transformers' prune_linear_layer: keeps only the output features at
    // `index` (rows of weight, bias and lora_B; dim 0) or the input features at
    // `index` (columns of weight and lora_A; dim 1). The parameters stay the
    // same tensors, with their requires_grad, now smaller; stale gradients go.
    void keepOutputs(const torch::Tensor& index);
    void keepInputs(const torch::Tensor& index);

    torch::Tensor weight;  // [O, I]
    torch::Tensor bias;    // [O]

private:
    torch::Tensor loraA_, loraB_;
    Dropout loraDropout_{nullptr};
    double loraScale_ = 0;
    // The weight reordered for oneDNN, made on the first thin inference call
    // and remade whenever the weight changes (kernels/onednn_matmul.h).
    std::shared_ptr<PackedWeightCache> packedWeight_;
};
TORCH_MODULE(AdaptableLinear);

}  // namespace bertbench

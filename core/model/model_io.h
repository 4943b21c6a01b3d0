// What goes into and comes out of every model of the family, whatever its
// architecture. Shapes: B batch, T tokens, H hidden, N heads, L layers.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace bertbench {

// Token ids of a padded batch; all [B, T] int64 on the model's device.
struct ModelInputs {
    torch::Tensor inputIds;
    torch::Tensor tokenTypeIds;   // undefined = all zeros; ignored by models without token types
    torch::Tensor attentionMask;  // 1 = real token, 0 = padding; undefined = all ones
    // [B, T]: when defined, the positions to embed instead of the family's own
    // numbering (positionIdsOf) of inputIds.
    torch::Tensor positionIds{};
    // [B, T, H]: when defined, used in place of the embeddings layer's output
    // (inputIds still give the shape). Integrated gradients interpolate here.
    torch::Tensor embeddingOutput{};
};

// What the caller wants besides the last hidden state. Neither costs anything
// when off: no tensors are kept and no extra work is done.
struct ForwardOptions {
    bool attentions = false;    // per-layer post-softmax probabilities
    bool hiddenStates = false;  // embeddings output + every layer's output
    // transformers' head_mask: [layers, heads] factors on the attention
    // probabilities (1 keeps a head, 0 switches it off); undefined = all on.
    torch::Tensor headMask;
    // Training only: keep each layer's input instead of its activations and
    // recompute them in backward (activation_checkpoint.h). Ignored when
    // attentions or hidden states are asked for, or without gradients.
    bool checkpointActivations = false;
    // Masked-LM heads only: [P] indices into the B·T flattened positions; the
    // head then runs on those positions alone and returns logits [P, V]. The
    // loss needs only the masked positions, and the vocabulary projection of
    // every other position was most of a masked-LM step.
    torch::Tensor logitPositions;
};

struct EncoderOutput {
    torch::Tensor lastHiddenState;             // [B, T, H]
    torch::Tensor pooled;                      // [B, H], undefined without a pooler
    std::vector<torch::Tensor> hiddenStates;   // L + 1 of [B, T, H] when asked
    std::vector<torch::Tensor> attentions;     // L of [B, N, T, T] when asked
};

// What a task model returns: classifier logits [B, C] or masked-LM logits [B, T, V].
struct TaskOutput {
    torch::Tensor logits;
    EncoderOutput encoder;  // hidden states / attentions when asked
};

// The mask added to attention scores: 0 where attended, the lowest finite value of
// the dtype where padded (transformers' get_extended_attention_mask).
// attentionMask [B, T] -> [B, 1, 1, T]
torch::Tensor additiveAttentionMask(const torch::Tensor& attentionMask, torch::ScalarType dtype);

// A masked-LM head's input: hidden [B, T, H], or its rows at
// options.logitPositions ([P, H]) when those are given.
torch::Tensor positionsForLogits(const torch::Tensor& hidden, const ForwardOptions& options);

// Raises UsageError for ids that are not [B, T] or longer than the positions.
void checkInputShape(const torch::Tensor& inputIds, int64_t maxPositions);
// Raises UsageError for a defined head mask that is not [layers, heads].
void checkHeadMask(const torch::Tensor& headMask, int64_t layers, int64_t heads);

}  // namespace bertbench

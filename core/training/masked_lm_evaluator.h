// Evaluating a masked-LM model on an already encoded dataset: the mean
// cross-entropy over masked positions and its perplexity, the numbers a
// masked-LM run's validation reports and chooses its best model by.
#pragma once

#include "model/task_model.h"
#include "tokenizer/tokenizer.h"
#include "training/encoded_dataset.h"

#include <torch/torch.h>

#include <cstddef>
#include <cstdint>

namespace bertbench {

struct MaskedLMEvaluation {
    double loss = 0;           // mean cross-entropy over the masked positions
    double perplexity = 0;     // exp(loss)
    int64_t examples = 0;
    int64_t maskedTokens = 0;  // 0: nothing was masked; loss and perplexity stay 0
    double lossSum = 0;        // summed over the masked positions (loss = lossSum / maskedTokens)
};

// Examples [begin, end) of a dataset: a data-parallel rank's share.
struct ExampleRange {
    size_t begin = 0;
    size_t end = SIZE_MAX;
};

// Masks the data as training does (15 % of the real tokens; 80/10/10) but from
// a generator of its own with a fixed seed, drawn over the examples in order:
// every call on the same data masks the same positions, whatever the batch
// size, and torch's global random state (the trainer's) is not touched. Runs
// in eval mode without gradients and gives the module its mode back.
// With a range, the whole data is masked as always but only the range's
// examples are evaluated (examples and maskedTokens count those).
MaskedLMEvaluation evaluateMaskedLM(TaskModelImpl& model, const EncodedDataset& data,
                                    const Tokenizer& tokenizer, int64_t vocabSize, int64_t batchSize,
                                    torch::Device device, ExampleRange range = {});

}  // namespace bertbench

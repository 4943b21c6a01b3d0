// evaluateMaskedLM(): mask every example once, up front, from the fixed
// generator; then forward length-sorted batches and sum the loss of the
// masked positions.
#include "training/masked_lm_evaluator.h"

#include "inference/eval_mode_scope.h"
#include "model/input_batch.h"
#include "training/masked_lm_batch.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bertbench {

namespace {

// Independent of the run's seed, so runs with different seeds are compared on
// the same masked positions.
constexpr uint64_t kMaskingSeed = 20181011;

struct MaskedExamples {
    std::vector<std::vector<int32_t>> ids;     // the inputs, with the masking applied
    std::vector<std::vector<int64_t>> labels;  // original ids at masked positions, kIgnoredLabel elsewhere
};

// All examples end to end as one row, so one draw decides every position and
// the masking cannot depend on how the examples are batched.
MaskedExamples maskAll(const EncodedDataset& data, const Tokenizer& tokenizer, int64_t vocabSize) {
    std::vector<int64_t> flat;
    for (const auto& e : data.examples) flat.insert(flat.end(), e.ids.begin(), e.ids.end());
    const auto ids = torch::tensor(flat, torch::kInt64).unsqueeze(0);  // [1, N]
    const auto generator = at::detail::createCPUGenerator(kMaskingSeed);
    const auto batch = maskTokens({ids, {}, {}}, tokenizer.maskId(), vocabSize,
                                  {tokenizer.clsId(), tokenizer.sepId()}, /*probability=*/0.15, generator);
    const auto masked = batch.inputs.inputIds.contiguous();
    const auto labels = batch.labels.contiguous();
    const int64_t* maskedIds = masked.data_ptr<int64_t>();
    const int64_t* labelIds = labels.data_ptr<int64_t>();

    MaskedExamples out;
    out.ids.reserve(data.examples.size());
    out.labels.reserve(data.examples.size());
    size_t offset = 0;
    for (const auto& e : data.examples) {
        const size_t length = e.ids.size();
        out.ids.emplace_back(maskedIds + offset, maskedIds + offset + length);
        out.labels.emplace_back(labelIds + offset, labelIds + offset + length);
        offset += length;
    }
    return out;
}

// [B, T] labels matching padBatch's right padding; padding is ignored.
torch::Tensor paddedLabels(const std::vector<const std::vector<int64_t>*>& rows, int64_t length) {
    auto labels = torch::full({int64_t(rows.size()), length}, kIgnoredLabel, torch::kInt64);
    for (size_t r = 0; r < rows.size(); ++r)
        std::copy(rows[r]->begin(), rows[r]->end(), labels[int64_t(r)].data_ptr<int64_t>());
    return labels;
}

}  // namespace

MaskedLMEvaluation evaluateMaskedLM(TaskModelImpl& model, const EncodedDataset& data,
                                    const Tokenizer& tokenizer, int64_t vocabSize, int64_t batchSize,
                                    torch::Device device, ExampleRange range) {
    EvalModeScope evalMode(model);
    torch::NoGradGuard noGrad;

    range.end = std::min(range.end, data.examples.size());
    range.begin = std::min(range.begin, range.end);
    MaskedLMEvaluation result;
    result.examples = int64_t(range.end - range.begin);
    const MaskedExamples masked = maskAll(data, tokenizer, vocabSize);
    for (size_t k = range.begin; k < range.end; ++k)
        result.maskedTokens += std::count_if(masked.labels[k].begin(), masked.labels[k].end(),
                                             [](int64_t label) { return label != kIgnoredLabel; });
    if (result.maskedTokens == 0) return result;

    // Similar lengths together waste little on padding; the order changes no result.
    std::vector<size_t> order(range.end - range.begin);
    std::iota(order.begin(), order.end(), range.begin);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return data.examples[a].ids.size() < data.examples[b].ids.size(); });

    const size_t count = order.size();
    double lossSum = 0;
    for (size_t start = 0; start < count; start += size_t(batchSize)) {
        const size_t end = std::min(count, start + size_t(batchSize));
        std::vector<TokenSequence> sequences;
        std::vector<const std::vector<int64_t>*> labelRows;
        for (size_t i = start; i < end; ++i) {
            const size_t k = order[i];
            sequences.push_back({&masked.ids[k], data.examples[k].secondSegmentStart});
            labelRows.push_back(&masked.labels[k]);
        }
        const auto inputs = padBatch(sequences, tokenizer.padId(), 0, device);
        const auto labels = paddedLabels(labelRows, inputs.inputIds.size(1)).to(device);
        const auto chosen = maskedLogits(model, inputs, labels);  // [P, V], [P]
        lossSum += torch::nn::functional::cross_entropy(
                       chosen.logits, chosen.labels,
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
    }
    result.lossSum = lossSum;
    result.loss = lossSum / double(result.maskedTokens);
    result.perplexity = std::exp(result.loss);
    return result;
}

}  // namespace bertbench

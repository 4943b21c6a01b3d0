// Predictor: classifies texts with a sequence-classification model. Owns a
// shared reference to the model; calls run under torch::InferenceMode in eval
// mode. Texts longer than the model's maximum are truncated (as transformers does
// with truncation=True) and say so in Prediction::truncated().
// Not thread-safe: use one Predictor per thread, or serialise calls.
#pragma once

#include "inference/prediction.h"
#include "runtime/torch_runtime.h"  // bfloat16Accelerated()

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bertbench {

struct ModelBundle;

// Float32 reproduces transformers to 1e-4. BFloat16 runs on a bfloat16 copy of
// the model: about 3x faster for BERT-base on CPUs with AVX512-BF16 (see
// bfloat16Accelerated()), with probabilities within about 1e-2 of float32.
enum class Precision { Float32, BFloat16 };

class Predictor {
public:
    // model must be a sequence-classification bundle (UsageError otherwise).
    explicit Predictor(std::shared_ptr<ModelBundle> model, size_t maxLength = 0,
                       Precision precision = Precision::Float32);
    static Predictor fromFolder(const std::string& dir, size_t maxLength = 0,
                                Precision precision = Precision::Float32);  // throws FileError

    Prediction predict(std::string_view text, bool withAttentions = false) const;
    Prediction predict(const PredictRequest& request) const;
    // One padded forward pass for many texts (faster than one by one); no attentions.
    std::vector<Prediction> predictBatch(const std::vector<std::string>& texts) const;

    const std::vector<std::string>& labels() const;
    size_t maxLength() const { return maxLength_; }
    const ModelBundle& model() const { return *model_; }

private:
    std::shared_ptr<ModelBundle> model_;
    size_t maxLength_;
};

}  // namespace bertbench

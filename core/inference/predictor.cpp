#include "inference/predictor.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "inference/eval_mode_scope.h"
#include "inference/attention_maps_of.h"
#include "inference/head_mask_tensor.h"
#include "model/input_batch.h"

#include <torch/torch.h>

#include <fstream>

namespace bertbench {

namespace {

std::vector<float> toFloats(const torch::Tensor& t) {
    auto c = t.to(torch::kCPU, torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

Prediction describe(const ModelBundle& model, std::string_view text, const Encoding& encoding,
                    const torch::Tensor& modelLogits) {
    const auto logits = modelLogits.to(torch::kFloat32);  // softmax in float32 whatever the model's precision
    Prediction p;
    p.text = std::string(text);
    p.tokens = encoding.tokens;
    const auto ids = model.tokenizer->specialIds();
    for (const int32_t id : encoding.inputIds) {
        p.readableTokens.push_back(model.tokenizer->readableToken(id));
        p.special.push_back(id == ids.cls || id == ids.sep || id == ids.pad);
    }
    p.inputIds = encoding.inputIds;
    p.tokenTypeIds = encoding.tokenTypeIds;
    p.untruncatedLength = encoding.untruncatedLength;
    p.logits = toFloats(logits);
    p.probabilities = toFloats(torch::softmax(logits, /*dim=*/-1));
    p.labelId = static_cast<int>(logits.argmax().item<int64_t>());
    p.label = model.config.id2label.at(size_t(p.labelId));
    return p;
}

}  // namespace

Predictor::Predictor(std::shared_ptr<ModelBundle> model, size_t maxLength, Precision precision)
    : model_(std::move(model)), maxLength_(maxLength) {
    if (!model_ || model_->task != Task::SequenceClassification)
        throw UsageError("prediction needs a sequence-classification model");
    if (precision == Precision::BFloat16)
        model_ = std::make_shared<ModelBundle>(convertedCopy(*model_, torch::kBFloat16));
    const auto limit = static_cast<size_t>(model_->maxLength);
    if (maxLength_ == 0 || maxLength_ > limit) maxLength_ = limit;
    if (maxLength_ < 2) throw UsageError("the maximum length must leave room for [CLS] and [SEP]");
}

Predictor Predictor::fromFolder(const std::string& dir, size_t maxLength, Precision precision) {
    return Predictor(std::make_shared<ModelBundle>(loadModelFolder(dir, Task::SequenceClassification)), maxLength,
                     precision);
}

const std::vector<std::string>& Predictor::labels() const { return model_->config.id2label; }

Prediction Predictor::predict(std::string_view text, bool withAttentions) const {
    PredictRequest request;
    request.text = std::string(text);
    request.withAttentions = withAttentions;
    return predict(request);
}

Prediction Predictor::predict(const PredictRequest& request) const {
    torch::InferenceMode inference;
    EvalModeScope evalMode(model_->module());
    const auto encoding = request.pair.empty() ? model_->tokenizer->encode(request.text, maxLength_)
                                               : model_->tokenizer->encodePair(request.text, request.pair, maxLength_);
    const auto device = model_->model->device();
    auto inputs = padBatch({sequenceOf(encoding)}, model_->tokenizer->padId(), 0, device);
    inputs.attentionMask = torch::Tensor();  // a single unpadded text needs no mask
    ForwardOptions options;
    options.attentions = request.withAttentions;
    options.headMask = headMaskTensor(request.headMask, model_->config.numHiddenLayers,
                                      model_->config.numAttentionHeads, device);
    auto out = model_->model->forward(inputs, options);
    auto prediction = describe(*model_, request.text, encoding, out.logits[0]);
    prediction.pair = request.pair;
    if (request.withAttentions) prediction.attentions = attentionMapsOf(out.encoder.attentions, model_->config);
    return prediction;
}

std::vector<Prediction> Predictor::predictBatch(const std::vector<std::string>& texts) const {
    if (texts.empty()) return {};
    torch::InferenceMode inference;
    EvalModeScope evalMode(model_->module());
    std::vector<Encoding> encodings;
    encodings.reserve(texts.size());
    for (const auto& text : texts) encodings.push_back(model_->tokenizer->encode(text, maxLength_));
    std::vector<TokenSequence> sequences;
    for (const auto& e : encodings) sequences.push_back(sequenceOf(e));
    const auto device = model_->model->device();
    auto logits = model_->model->forward(padBatch(sequences, model_->tokenizer->padId(), 0, device)).logits;
    std::vector<Prediction> predictions;
    for (size_t i = 0; i < texts.size(); ++i)
        predictions.push_back(describe(*model_, texts[i], encodings[i], logits[int64_t(i)]));
    return predictions;
}

}  // namespace bertbench

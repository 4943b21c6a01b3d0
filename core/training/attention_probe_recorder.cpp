#include "training/attention_probe_recorder.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "inference/eval_mode_scope.h"
#include "inference/attention_maps_of.h"
#include "model/input_batch.h"
#include "training/attention_probes.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

namespace bertbench {

AttentionProbeRecorder::AttentionProbeRecorder(const ModelBundle& model, const TrainingOptions& options,
                                               const Dataset* validation) {
    texts_ = options.attentionProbeTexts();
    if (texts_.size() > TrainingOptions::kMaxAttentionProbes)
        throw UsageError("at most " + std::to_string(TrainingOptions::kMaxAttentionProbes) +
                         " attention probes, not " + std::to_string(texts_.size()));
    pairs_.assign(texts_.size(), std::string());
    if (texts_.empty() && validation) {
        const auto& examples = validation->examples;
        for (size_t i = 0; i < examples.size() && i < TrainingOptions::kDefaultAttentionProbes; ++i) {
            texts_.push_back(examples[i].text);
            pairs_.push_back(examples[i].textPair);
        }
    }
    auto encode = [&](size_t i, size_t length) {
        return pairs_[i].empty() ? model.tokenizer->encode(texts_[i], length)
                                 : model.tokenizer->encodePair(texts_[i], pairs_[i], length);
    };
    const size_t length = std::min<size_t>(TrainingOptions::kAttentionProbeTokens, size_t(model.maxLength));
    std::vector<size_t> lengths;
    for (size_t i = 0; i < texts_.size(); ++i) {
        encodings_.push_back(encode(i, length));
        lengths.push_back(encodings_.back().inputIds.size());
    }
    // A large model's maps of 4 long probes would pass the size budget: all are cut to one shorter length.
    const size_t cap = attentionProbeTokenCap(lengths, model.config.numHiddenLayers, model.config.numAttentionHeads);
    for (size_t i = 0; i < texts_.size(); ++i)
        if (lengths[i] > cap) encodings_[i] = encode(i, cap);
}

AttentionProbeSnapshot AttentionProbeRecorder::snapshot(ModelBundle& model, int64_t step, int64_t epoch) const {
    AttentionProbeSnapshot s;
    s.step = step;
    s.epoch = epoch;
    s.texts = texts_;
    s.pairs = pairs_;
    // No gradients, rather than InferenceMode: nothing made here may end up
    // in a tensor the next training step saves for backward.
    torch::NoGradGuard noGrad;
    EvalModeScope evalMode(model.module());
    const auto device = model.model->device();
    ForwardOptions forward;
    forward.attentions = true;
    for (const auto& encoding : encodings_) {
        // One unpadded text per pass, as Predictor does: the maps are T × T.
        auto inputs = padBatch({sequenceOf(encoding)}, model.tokenizer->padId(), 0, device);
        inputs.attentionMask = torch::Tensor();
        const auto out = model.model->forward(inputs, forward);
        s.attentions.push_back(attentionMapsOf(out.encoder.attentions, model.config));
        s.tokens.push_back(encoding.tokens);
        std::vector<std::string> readable;
        for (const int32_t id : encoding.inputIds) readable.push_back(model.tokenizer->readableToken(id));
        s.readableTokens.push_back(std::move(readable));
    }
    return s;
}

std::string AttentionProbeRecorder::record(ModelBundle& model, const std::string& runDir, int64_t step,
                                           int64_t epoch) const {
    if (empty()) return {};
    const auto folder = attentionProbesDir(runDir);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw FileError(folder, "cannot create the folder: " + error.message());
    const auto file = attentionProbeFile(runDir, step);
    writeAttentionProbes(file, snapshot(model, step, epoch));
    return file;
}

}  // namespace bertbench

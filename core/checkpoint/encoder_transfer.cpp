#include "checkpoint/encoder_transfer.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/initialization.h"

namespace bertbench {

ModelBundle maskedLMOnEncoderOf(const ModelBundle& classifier, uint64_t seed) {
    ModelBundle mlm{classifier.config, classifier.tokenizer, classifier.maxLength, Task::MaskedLM};
    torch::manual_seed(seed);
    mlm.model = makeTaskModel(mlm.config, Task::MaskedLM);
    mlm.config.architectures = {mlm.architecture()};
    initializeWeights(mlm.module(), mlm.config);
    copyEncoder(classifier, mlm);
    mlm.report.architecture = mlm.architecture();
    for (const auto& item : mlm.module().named_parameters())
        if (mlm.model->isHeadParameter(item.key())) mlm.report.newlyInitialised.push_back(item.key());
    mlm.module().eval();
    return mlm;
}

void copyEncoder(const ModelBundle& from, ModelBundle& to) {
    StateDict encoder;
    for (auto& [name, tensor] : modelStateDict(from.module()))
        if (!from.model->isHeadParameter(name)) encoder.emplace_back(name, tensor);
    if (encoder.empty()) throw UsageError("the model has no encoder to copy");
    applyStateDict(*to.model, encoder, "the adapted encoder");
}

}  // namespace bertbench

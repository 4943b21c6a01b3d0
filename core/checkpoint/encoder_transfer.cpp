#include "checkpoint/encoder_transfer.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/initialization.h"

namespace bertbench {

ModelBundle maskedLMOnEncoderOf(const ModelBundle& classifier, uint64_t seed) {
    ModelBundle mlm{classifier.config, classifier.tokenizer, classifier.maxLength, Task::MaskedLM};
    mlm.config.architectures = {architectureName(Task::MaskedLM)};
    torch::manual_seed(seed);
    mlm.maskedLM = BertForMaskedLM(mlm.config);
    initializeBertWeights(*mlm.maskedLM, mlm.config);
    copyEncoder(classifier, mlm);
    mlm.report.architecture = architectureName(Task::MaskedLM);
    for (const auto& item : mlm.maskedLM->named_parameters())
        if (startsWith(item.key(), "cls.")) mlm.report.newlyInitialised.push_back(item.key());
    mlm.maskedLM->eval();
    return mlm;
}

void copyEncoder(const ModelBundle& from, ModelBundle& to) {
    StateDict encoder;
    for (auto& [name, tensor] : modelStateDict(from.module()))
        if (startsWith(name, "bert.") && !startsWith(name, "bert.pooler.")) encoder.emplace_back(name, tensor);
    if (encoder.empty()) throw UsageError("the model has no encoder to copy");
    applyStateDict(to.module(), architectureName(to.task), encoder, "the adapted encoder");
}

}  // namespace bertbench

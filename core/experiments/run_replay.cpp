#include "experiments/run_replay.h"

#include "common/errors.h"
#include "data/dataset.h"
#include "model/model_config.h"
#include "session/run_source.h"

namespace bertbench {

void importRecordedData(Session& session, const nlohmann::json& source, const std::string& expectedTrainHash) {
    if (!source.is_object() || !source.contains("data") || !source.at("data").is_object())
        throw UsageError("the run does not record where its data came from (runs record it since issue 16)");
    const auto request = dataRequestFromSource(source.at("data"));
    const auto imported = session.importData(request).get().take();
    if (!expectedTrainHash.empty()) {
        const auto now = contentHash(*imported.data);
        if (now != expectedTrainHash)
            throw UsageError(request.path + " has changed since the run: its training examples hash to " + now +
                             ", the run's to " + expectedTrainHash +
                             "; the run cannot be reproduced on other data");
    }
    if (source.contains("test") && source.at("test").is_object())
        session.importHoldout(dataRequestFromSource(source.at("test"))).get().take();
}

void restoreRecordedModel(Session& session, const nlohmann::json& source) {
    const auto& model = source.is_object() && source.contains("model") ? source.at("model") : nlohmann::json();
    if (!model.is_object() || model.contains("unavailable") || (!model.contains("folder") && !model.contains("preset")))
        throw UsageError("the run's starting model cannot be restored: " +
                         (model.is_object() ? model.value("unavailable", std::string("it is not recorded"))
                                            : std::string("it is not recorded")));
    if (model.contains("folder")) {
        session.openModel({model.at("folder").get<std::string>(), model.value("masked_lm", false)},
                          UnsavedTraining::Discard)
            .get()
            .take();
        return;
    }
    NewModelRequest request;
    request.preset = model.at("preset").get<std::string>();
    request.family = familyOfModelType(model.value("family", std::string("bert")));
    request.vocabPath = model.value("vocab", std::string());
    request.lowercase = model.value("lowercase", true);
    request.seed = model.value("seed", uint64_t(42));
    request.maskedLM = model.value("masked_lm", false);
    session.createModel(request, UnsavedTraining::Discard).get().take();
}

}  // namespace bertbench

#include "training/unfreeze_schedule.h"

#include "common/strings.h"

#include <algorithm>

namespace bertbench {

namespace {

// Which groups a stage trains: the head always; then `layersFromTop` encoder
// layers from the top; the embeddings last.
struct Trainable {
    int64_t layersFromTop = 0;
    bool embeddings = false;
};

Trainable trainableAt(const ModelBundle& model, const TrainingOptions& options, int64_t stage) {
    const int64_t layers = model.config.numHiddenLayers;
    const int64_t unfreezable = layers - options.freezeLayers;  // the bottom freezeLayers never train
    Trainable t;
    if (options.gradualUnfreezing == GradualUnfreezing::HeadThenAll) {
        if (stage >= 1) t = {unfreezable, options.freezeLayers == 0};
    } else {
        t.layersFromTop = std::min(stage, unfreezable);
        t.embeddings = options.freezeLayers == 0 && stage > unfreezable;
    }
    return t;
}

}  // namespace

int64_t unfreezeStage(const TrainingOptions& options, int64_t stepsCompleted, int64_t epochsCompleted) {
    if (options.gradualUnfreezing == GradualUnfreezing::Off) return 0;
    const int64_t done = options.unfreezeUnit == UnfreezeUnit::Steps ? stepsCompleted : epochsCompleted;
    return done / std::max<int64_t>(1, options.unfreezeInterval);
}

std::string applyUnfreezeStage(ModelBundle& model, const TrainingOptions& options, int64_t stage) {
    if (options.gradualUnfreezing == GradualUnfreezing::Off) return {};
    const int64_t layers = model.config.numHiddenLayers;
    const auto now = trainableAt(model, options, stage);
    const auto before = stage > 0 ? trainableAt(model, options, stage - 1) : Trainable{-1, false};
    const auto& names = model.model->names();
    for (auto& item : model.module().named_parameters()) {
        const auto& name = item.key();
        bool trainable = model.model->isHeadParameter(name);
        for (int64_t i = layers - now.layersFromTop; i < layers && !trainable; ++i)
            trainable = startsWith(name, names.layer + std::to_string(i) + ".");
        trainable = trainable || (now.embeddings && startsWith(name, names.embeddings) &&
                                  !(model.config.sinusoidalPositions &&
                                    name == names.embeddings + "position_embeddings.weight"));
        item.value().set_requires_grad(trainable);
    }
    if (stage == 0 || (now.layersFromTop == before.layersFromTop && now.embeddings == before.embeddings)) return {};
    if (options.gradualUnfreezing == GradualUnfreezing::HeadThenAll) return "the encoder";
    if (now.embeddings && !before.embeddings) return "embeddings";
    return "layer " + std::to_string(layers - now.layersFromTop);
}

}  // namespace bertbench

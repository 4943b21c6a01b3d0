#include "model/activation_checkpoint.h"

#include <ATen/core/ivalue.h>

namespace bertbench {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;
using Layer = std::function<torch::Tensor(const torch::Tensor&)>;

// The layer travels to backward inside the autograd context.
struct LayerHolder : torch::CustomClassHolder {
    explicit LayerHolder(Layer run) : run(std::move(run)) {}
    Layer run;
};

torch::Tensor randomState(at::Generator& generator) {
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setRandomState(at::Generator& generator, const torch::Tensor& state) {
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

struct CheckpointedLayer : public torch::autograd::Function<CheckpointedLayer> {
    // `anchor` requires grad so that the output does even when hidden does not
    // (frozen embeddings): the layer's own weights still need their gradients.
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& hidden, const torch::Tensor& anchor,
                                 const Layer& layer) {
        (void)anchor;
        auto generator = at::globalContext().defaultGenerator(hidden.device());
        context->saved_data["random_state"] = randomState(generator);
        context->saved_data["layer"] = c10::IValue::make_capsule(c10::make_intrusive<LayerHolder>(layer));
        context->save_for_backward({hidden});
        return layer(hidden);  // autograd records nothing inside forward
    }

    static variable_list backward(AutogradContext* context, variable_list outputGradients) {
        const auto hidden = context->get_saved_variables()[0];
        const auto holder = c10::static_intrusive_pointer_cast<LayerHolder>(context->saved_data["layer"].toCapsule());
        auto generator = at::globalContext().defaultGenerator(hidden.device());
        const auto stateNow = randomState(generator);
        setRandomState(generator, context->saved_data["random_state"].toTensor());
        auto input = hidden.detach().requires_grad_(true);
        torch::Tensor output;
        {
            torch::AutoGradMode enabled(true);
            output = holder->run(input);
        }
        setRandomState(generator, stateNow);  // the rest of the run draws as if nothing was repeated
        torch::autograd::backward({output}, {outputGradients[0]});
        return {input.grad(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor checkpointed(const Layer& layer, const torch::Tensor& hidden) {
    if (!torch::GradMode::is_enabled()) return layer(hidden);
    const auto anchor = torch::empty({0}, hidden.options().requires_grad(true));
    return CheckpointedLayer::apply(hidden, anchor, layer);
}

}  // namespace bertbench

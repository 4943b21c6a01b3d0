#include "inference/attention_maps_of.h"

#include "model/head_pruning.h"
#include "model/model_config.h"

namespace bertbench {

AttentionMaps attentionMapsOf(const std::vector<torch::Tensor>& attentions, const ModelConfig& config) {
    const auto maps = attentionsOnOriginalHeads(attentions, config)
                          .select(/*dim=*/1, 0)
                          .to(torch::kCPU, torch::kFloat32)
                          .contiguous();  // [L, N, T, T]
    AttentionMaps result;
    result.layers = int(maps.size(0));
    result.heads = int(maps.size(1));
    result.tokens = int(maps.size(2));
    result.values.assign(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
    return result;
}

}  // namespace bertbench

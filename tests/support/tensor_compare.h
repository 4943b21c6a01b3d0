// Comparing model outputs with nested JSON arrays from the reference files.
#pragma once

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <vector>

namespace fixtures {

// A nested JSON array of numbers as a float tensor of the same shape.
inline torch::Tensor tensorFromJson(const nlohmann::json& nested) {
    std::vector<int64_t> shape;
    for (const auto* level = &nested; level->is_array(); level = &(*level)[0]) {
        shape.push_back(int64_t(level->size()));
        if (level->empty()) break;
    }
    std::vector<float> values;
    values.reserve(1024);
    std::function<void(const nlohmann::json&)> flatten = [&](const nlohmann::json& j) {
        if (j.is_array())
            for (const auto& item : j) flatten(item);
        else
            values.push_back(j.get<float>());
    };
    flatten(nested);
    return torch::tensor(values).reshape(shape);
}

// Largest absolute difference; infinity when the shapes differ.
inline double maxAbsDiff(const torch::Tensor& actual, const nlohmann::json& expected) {
    const auto reference = tensorFromJson(expected);
    const auto got = actual.detach().to(torch::kCPU, torch::kFloat32);
    if (got.sizes() != reference.sizes()) return std::numeric_limits<double>::infinity();
    return (got - reference).abs().max().item<double>();
}

}  // namespace fixtures

#include "checkpoint/state_dict.h"

#include "checkpoint/safetensors.h"
#include "checkpoint/torch_archive.h"
#include "common/errors.h"
#include "common/strings.h"
#include "model/adaptable_linear.h"

#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace bertbench {

namespace {

torch::ScalarType torchType(StDtype dtype) {
    switch (dtype) {
    case StDtype::F64: return torch::kFloat64;
    case StDtype::F32: return torch::kFloat32;
    case StDtype::F16: return torch::kFloat16;
    case StDtype::BF16: return torch::kBFloat16;
    case StDtype::I64: return torch::kInt64;
    case StDtype::I32: return torch::kInt32;
    case StDtype::I16: return torch::kInt16;
    case StDtype::I8: return torch::kInt8;
    case StDtype::U8: return torch::kUInt8;
    case StDtype::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

void replaceSuffix(std::string& s, const std::string& from, const std::string& to) {
    if (endsWith(s, from)) s.replace(s.size() - from.size(), from.size(), to);
}

// Keys that checkpoints carry but that have no parameter of their own here:
// buffers older transformers saved, and masked-LM decoder weights tied to the
// word embeddings (RoBERTa's lm_head.decoder, DistilBERT's vocab_projector).
bool isIgnoredKey(const std::string& key) {
    return endsWith(key, "embeddings.position_ids") || key == "cls.predictions.decoder.weight" ||
           key == "lm_head.decoder.weight" || key == "vocab_projector.weight";
}

// Decoder biases that are the same tensor as a head-level bias in transformers,
// saved under either name (or both).
const char* const kTiedBiasAliases[][2] = {
    {"cls.predictions.decoder.bias", "cls.predictions.bias"},
    {"lm_head.decoder.bias", "lm_head.bias"},
};

// The pickle gives each tensor's sizes, strides and offset separately from its
// storage; a damaged file can describe a view whose elements lie outside it,
// which copying would read (out of bounds, in LibTorch's own code).
bool viewFitsStorage(const torch::Tensor& tensor) {
    if (!tensor.defined() || !tensor.has_storage()) return false;
    if (tensor.numel() == 0) return tensor.storage_offset() >= 0;
    if (tensor.storage_offset() < 0) return false;
    // The last element's index, in elements, summed without overflow.
    uint64_t last = uint64_t(tensor.storage_offset());
    for (int64_t d = 0; d < tensor.dim(); ++d) {
        const int64_t size = tensor.size(d), stride = tensor.stride(d);
        if (stride < 0) return false;
        uint64_t reach = 0;
        if (__builtin_mul_overflow(uint64_t(size - 1), uint64_t(stride), &reach) ||
            __builtin_add_overflow(last, reach, &last))
            return false;
    }
    uint64_t bytes = 0;
    if (__builtin_add_overflow(last, uint64_t(1), &last) ||
        __builtin_mul_overflow(last, uint64_t(tensor.element_size()), &bytes))
        return false;
    return bytes <= tensor.storage().nbytes();
}

}  // namespace

StateDict readSafetensorsStateDict(const std::string& path) {
    auto file = std::make_shared<SafetensorsFile>(path);
    StateDict tensors;
    for (const auto& entry : file->entries()) {
        std::vector<int64_t> shape(entry.shape.begin(), entry.shape.end());
        auto keepAlive = [file](void*) {};
        auto tensor = torch::from_blob(const_cast<std::byte*>(entry.data), shape, keepAlive,
                                       torch::TensorOptions().dtype(torchType(entry.dtype)));
        const auto alignment = stDtypeSize(entry.dtype);
        if (reinterpret_cast<uintptr_t>(entry.data) % alignment != 0) tensor = tensor.clone();
        tensors.emplace_back(entry.name, std::move(tensor));
    }
    return tensors;
}

StateDict readPytorchStateDict(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, "cannot open the weights file");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        throw FileError(path, "not a zip-format torch.save file (PyTorch >= 1.6); the legacy format "
                              "is not supported: re-save it with a current PyTorch or as model.safetensors");
    checkTorchArchive(std::string_view(bytes.data(), bytes.size()), path);  // before LibTorch trusts its sizes
    c10::IValue value;
    try {
        value = torch::pickle_load(bytes);
    } catch (const c10::Error& e) {
        throw FileError(path, "cannot read the PyTorch checkpoint: " + std::string(e.what_without_backtrace()));
    } catch (const std::exception& e) {  // a damaged pickle can also end in std::out_of_range and the like
        throw FileError(path, "cannot read the PyTorch checkpoint: " + std::string(e.what()));
    }
    if (!value.isGenericDict()) throw FileError(path, "the checkpoint is not a state dict (name -> tensor)");
    StateDict tensors;
    for (const auto& item : value.toGenericDict()) {
        if (!item.key().isString() || !item.value().isTensor())
            throw FileError(path, "the checkpoint holds an entry that is not a named tensor");
        const auto& name = item.key().toStringRef();
        const auto& tensor = item.value().toTensor();
        if (!viewFitsStorage(tensor))
            throw FileError(path, "tensor \"" + name + "\" reaches beyond its storage: the checkpoint is damaged");
        tensors.emplace_back(name, tensor);
    }
    return tensors;
}

StateDict readStateDict(const std::string& path) {
    return endsWith(path, ".safetensors") ? readSafetensorsStateDict(path) : readPytorchStateDict(path);
}

void writeStateDict(const std::string& path, const StateDict& tensors) {
    std::vector<torch::Tensor> keep;  // contiguous fp32 CPU copies outlive the views
    std::vector<SafetensorsTensorView> views;
    for (const auto& [name, tensor] : tensors) {
        keep.push_back(tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous());
        const auto& t = keep.back();
        views.push_back({name, StDtype::F32, t.sizes().vec(), t.data_ptr()});
    }
    writeSafetensors(path, std::move(views));
}

std::vector<std::string> LoadReport::warnings() const {
    auto list = [](const std::vector<std::string>& names) {
        std::string text = "[";
        for (size_t i = 0; i < names.size(); ++i) text += (i ? ", '" : "'") + names[i] + "'";
        return text + "]";
    };
    std::vector<std::string> lines;
    if (!unused.empty())
        lines.push_back("Some weights of the model checkpoint at " + source +
                        " were not used when initializing " + architecture + ": " + list(unused));
    if (!newlyInitialised.empty())
        lines.push_back("Some weights of " + architecture +
                        " were not initialized from the model checkpoint at " + source +
                        " and are newly initialized: " + list(newlyInitialised) +
                        "\nYou should probably TRAIN this model on a down-stream task to be able "
                        "to use it for predictions and inference.");
    return lines;
}

LoadReport applyStateDict(TaskModelImpl& model, const StateDict& tensors, const std::string& source) {
    LoadReport report{model.architecture(), source, {}, {}};
    auto parameters = model.named_parameters(/*recurse=*/true);
    const std::string& prefix = model.names().encoder;

    // A bare encoder checkpoint (BertModel, RobertaModel, ...) has no "bert."-style
    // prefix; task models expect one.
    bool hasPrefix = false;
    for (const auto& [key, _] : tensors) hasPrefix = hasPrefix || startsWith(key, prefix);
    std::unordered_set<std::string> present;
    for (const auto& [key, _] : tensors) present.insert(key);

    std::unordered_map<std::string, torch::Tensor> byName;
    for (const auto& [rawKey, tensor] : tensors) {
        std::string key = rawKey;
        replaceSuffix(key, "LayerNorm.gamma", "LayerNorm.weight");
        replaceSuffix(key, "LayerNorm.beta", "LayerNorm.bias");
        if (!hasPrefix && (parameters.contains(prefix + key) || isIgnoredKey(prefix + key))) key = prefix + key;
        bool duplicate = false;
        for (const auto& [alias, canonical] : kTiedBiasAliases)
            if (key == alias) {
                duplicate = present.count(canonical) > 0;
                key = canonical;
            }
        if (duplicate || isIgnoredKey(key)) continue;
        if (!parameters.contains(key)) {
            report.unused.push_back(rawKey);
            continue;
        }
        byName[key] = tensor;
    }
    if (byName.empty())
        throw FileError(source, "none of its " + std::to_string(tensors.size()) + " tensors belongs to a " +
                                    model.architecture() + " model" +
                                    (tensors.empty() ? std::string() : " (first: '" + tensors.front().first + "')"));

    torch::NoGradGuard noGrad;
    for (auto& item : parameters) {
        auto found = byName.find(item.key());
        if (found == byName.end()) {
            report.newlyInitialised.push_back(item.key());
            continue;
        }
        auto& parameter = item.value();
        if (parameter.sizes() != found->second.sizes())
            throw FileError(source, "tensor '" + item.key() + "' has shape " + shapeText(found->second.sizes().vec()) +
                                        " but config.json implies " + shapeText(parameter.sizes().vec()));
        if (!found->second.is_floating_point())
            throw FileError(source, "tensor '" + item.key() + "' is not floating point");
        parameter.copy_(found->second);
    }
    return report;
}

StateDict modelStateDict(const torch::nn::Module& model) {
    std::unordered_map<std::string, torch::Tensor> merged;  // adapted layers' folded weights
    for (const auto& item : model.named_modules()) {
        const auto* linear = item.value()->as<AdaptableLinear>();
        if (linear && linear->hasAdapter()) merged[item.key() + ".weight"] = linear->mergedWeight().detach();
    }
    StateDict tensors;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        if (item.key().find("lora_") != std::string::npos) continue;
        auto found = merged.find(item.key());
        tensors.emplace_back(item.key(), found == merged.end() ? item.value() : found->second);
    }
    return tensors;
}

StateDict trainingStateDict(const torch::nn::Module& model) {
    StateDict tensors;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) tensors.emplace_back(item.key(), item.value());
    return tensors;
}

}  // namespace bertbench

#include "model/model_config.h"

#include "common/errors.h"
#include "common/json_file.h"

#include <algorithm>
#include <filesystem>
#include <type_traits>
#include <fstream>

namespace bertbench {

namespace {

using nlohmann::json;

// The names a family gives the sizes every family has. DistilBERT renamed
// them; RoBERTa kept BERT's.
struct FieldNames {
    const char* hidden;
    const char* layers;
    const char* heads;
    const char* intermediate;
    const char* activation;
    const char* hiddenDropout;
    const char* attentionDropout;
};

const FieldNames& fieldNamesOf(ModelFamily family) {
    static const FieldNames bert{"hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                                 "hidden_act", "hidden_dropout_prob", "attention_probs_dropout_prob"};
    static const FieldNames distilbert{"dim", "n_layers", "n_heads", "hidden_dim",
                                       "activation", "dropout", "attention_dropout"};
    return family == ModelFamily::DistilBert ? distilbert : bert;
}

// Keys this struct owns for a family; everything else goes to `extra` verbatim.
std::vector<std::string> ownedKeys(ModelFamily family) {
    const auto& f = fieldNamesOf(family);
    std::vector<std::string> keys = {f.hidden, f.layers, f.heads, f.intermediate, f.activation, f.hiddenDropout,
                                     f.attentionDropout, "model_type", "vocab_size", "max_position_embeddings",
                                     "initializer_range", "pad_token_id", "architectures", "id2label", "label2id",
                                     "num_labels", "_num_labels", "pruned_heads"};
    if (family == ModelFamily::DistilBert) {
        keys.insert(keys.end(), {"seq_classif_dropout", "sinusoidal_pos_embds"});
    } else {
        keys.insert(keys.end(),
                    {"classifier_dropout", "type_vocab_size", "layer_norm_eps", "position_embedding_type"});
    }
    return keys;
}

template <typename T>
void readField(const json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        const auto value = jsonInteger(*it);
        if (!value) throw UsageError(std::string("config field \"") + key + "\" must be an integer, not " + jsonText(*it));
        out = *value;
        return;
    }
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        throw UsageError(std::string("config field \"") + key + "\" has the wrong type: " + jsonText(*it));
    }
}

Activation parseActivation(const std::string& name, const char* field) {
    if (name == "gelu") return Activation::Gelu;
    if (name == "gelu_new" || name == "gelu_pytorch_tanh") return Activation::GeluNew;
    if (name == "relu") return Activation::Relu;
    throw UsageError(std::string("config field \"") + field + "\" is \"" + name + "\"; supported: gelu, gelu_new, relu");
}

// Bounds on every size, checked before anything is allocated for them: far
// above any real BERT-family model, far below what would exhaust memory.
constexpr int64_t kMaxLabels = 100000;
constexpr int64_t kMaxLayers = 256, kMaxHidden = 16384, kMaxHeads = 1024, kMaxIntermediate = 131072;
constexpr int64_t kMaxVocabulary = 2000000, kMaxPositions = 131072, kMaxTokenTypes = 1024;

std::vector<std::string> readLabels(const json& j) {
    auto it = j.find("id2label");
    if (it == j.end() || it->is_null()) {
        int64_t count = 2;  // transformers' default when a config names no labels
        readField(j, "num_labels", count);
        readField(j, "_num_labels", count);
        if (count < 1 || count > kMaxLabels)
            throw UsageError("config field \"num_labels\" is " + std::to_string(count) + "; it must be 1.." +
                             std::to_string(kMaxLabels));
        return defaultLabels(count);
    }
    if (!it->is_object())
        throw UsageError("config field \"id2label\" must be an object of id -> name");
    if (it->size() > size_t(kMaxLabels))
        throw UsageError("config field \"id2label\" has " + std::to_string(it->size()) + " labels; at most " +
                         std::to_string(kMaxLabels) + " are supported");
    std::vector<std::string> labels(it->size());
    for (const auto& [key, value] : it->items()) {
        size_t id = 0;
        try {
            size_t used = 0;
            id = std::stoul(key, &used);
            if (used != key.size()) throw std::invalid_argument(key);
        } catch (const std::exception&) {
            throw UsageError("config field \"id2label\" has a non-numeric id \"" + key + "\"");
        }
        if (id >= labels.size())
            throw UsageError("config field \"id2label\" ids must be 0.." +
                             std::to_string(labels.size() - 1) + ", found " + key);
        if (!value.is_string())
            throw UsageError("config field \"id2label\" entry " + key + " is not a string");
        labels[id] = value.get<std::string>();
    }
    return labels;
}

// pruned_heads: {"layer": [head, ...]}; JSON keys are strings, as transformers
// writes them (its from_dict turns them into ints). Lists come out sorted and
// unique (transformers writes list(set)); the ranges are checked by validate().
HeadsByLayer readPrunedHeads(const json& j) {
    HeadsByLayer pruned;
    auto it = j.find("pruned_heads");
    if (it == j.end() || it->is_null()) return pruned;
    if (!it->is_object()) throw UsageError("config field \"pruned_heads\" must be an object of layer -> [heads]");
    for (const auto& [key, value] : it->items()) {
        int64_t layer = 0;
        try {
            size_t used = 0;
            layer = std::stoll(key, &used);
            if (used != key.size()) throw std::invalid_argument(key);
        } catch (const std::exception&) {
            throw UsageError("config field \"pruned_heads\" has a non-numeric layer \"" + key + "\"");
        }
        if (!value.is_array())
            throw UsageError("config field \"pruned_heads\" entry " + key + " must be a list of head numbers");
        if (value.size() > size_t(kMaxHeads))
            throw UsageError("config field \"pruned_heads\" entry " + key + " lists more heads than a layer has");
        auto& heads = pruned[layer];
        for (const auto& head : value) {
            const auto number = jsonInteger(head);
            if (!number)
                throw UsageError("config field \"pruned_heads\" entry " + key + " holds " + jsonText(head) +
                                 ", not a head number");
            heads.push_back(*number);
        }
        std::sort(heads.begin(), heads.end());
        heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
        if (heads.empty()) pruned.erase(layer);
    }
    return pruned;
}

}  // namespace

std::string activationName(Activation activation) {
    switch (activation) {
    case Activation::Gelu: return "gelu";
    case Activation::GeluNew: return "gelu_new";
    case Activation::Relu: return "relu";
    }
    return "gelu";
}

std::string modelTypeName(ModelFamily family) {
    switch (family) {
    case ModelFamily::Bert: return "bert";
    case ModelFamily::DistilBert: return "distilbert";
    case ModelFamily::Roberta: return "roberta";
    }
    return "bert";
}

std::string familyDisplayName(ModelFamily family) {
    switch (family) {
    case ModelFamily::Bert: return "BERT";
    case ModelFamily::DistilBert: return "DistilBERT";
    case ModelFamily::Roberta: return "RoBERTa";
    }
    return "BERT";
}

ModelFamily familyOfModelType(const std::string& modelType) {
    for (auto family : {ModelFamily::Bert, ModelFamily::DistilBert, ModelFamily::Roberta})
        if (modelType == modelTypeName(family)) return family;
    throw UsageError("config field \"model_type\" is \"" + modelType +
                     "\"; supported model types: bert, distilbert, roberta");
}

ModelConfig defaultConfig(ModelFamily family) {
    ModelConfig config;
    config.family = family;
    if (family == ModelFamily::DistilBert) {
        // DistilBertConfig: 6 layers, no token types, LayerNorm eps fixed at 1e-12.
        config.numHiddenLayers = 6;
        config.typeVocabSize = 0;
    } else if (family == ModelFamily::Roberta) {
        // RobertaConfig's own defaults differ from BERT's in the special ids only;
        // roberta-base itself has 514 positions, 1 token type and eps 1e-5.
        config.vocabSize = 50265;
        config.padTokenId = 1;
        config.extra["bos_token_id"] = 0;
        config.extra["eos_token_id"] = 2;
    }
    return config;
}

std::vector<std::string> defaultLabels(int64_t count) {
    std::vector<std::string> labels;
    for (int64_t i = 0; i < count; ++i) labels.push_back("LABEL_" + std::to_string(i));
    return labels;
}

void ModelConfig::validate() const {
    auto bounded = [](int64_t value, const char* field, int64_t max) {
        if (value <= 0 || value > max)
            throw UsageError(std::string("config field \"") + field + "\" is " + std::to_string(value) +
                             "; it must be 1.." + std::to_string(max));
    };
    bounded(vocabSize, "vocab_size", kMaxVocabulary);
    bounded(hiddenSize, fieldNamesOf(family).hidden, kMaxHidden);
    bounded(numHiddenLayers, fieldNamesOf(family).layers, kMaxLayers);
    bounded(numAttentionHeads, fieldNamesOf(family).heads, kMaxHeads);
    bounded(intermediateSize, fieldNamesOf(family).intermediate, kMaxIntermediate);
    bounded(maxPositionEmbeddings, "max_position_embeddings", kMaxPositions);
    if (family == ModelFamily::DistilBert) {
        if (typeVocabSize != 0) throw UsageError("a DistilBERT model has no token type embeddings");
    } else {
        bounded(typeVocabSize, "type_vocab_size", kMaxTokenTypes);
    }
    auto probability = [](double value, const char* field) {
        if (!(value >= 0 && value < 1))  // also refuses NaN
            throw UsageError(std::string("config field \"") + field + "\" is " + std::to_string(value) +
                             "; a dropout probability must be in [0, 1)");
    };
    const auto& names = fieldNamesOf(family);
    probability(hiddenDropoutProb, names.hiddenDropout);
    probability(attentionProbsDropoutProb, names.attentionDropout);
    if (classifierDropout >= 0) probability(classifierDropout, "classifier_dropout");
    probability(seqClassifDropout, "seq_classif_dropout");
    if (!(initializerRange > 0 && initializerRange < 10))
        throw UsageError("config field \"initializer_range\" is " + std::to_string(initializerRange) +
                         "; it must be positive (BERT uses 0.02)");
    if (!(layerNormEps > 0 && layerNormEps < 1))
        throw UsageError("config field \"layer_norm_eps\" is " + std::to_string(layerNormEps) +
                         "; it must be positive and small (BERT uses 1e-12)");
    if (hiddenSize % numAttentionHeads != 0)
        throw UsageError(std::string("config: ") + fieldNamesOf(family).hidden + " " + std::to_string(hiddenSize) +
                         " is not a multiple of " + fieldNamesOf(family).heads + " " +
                         std::to_string(numAttentionHeads));
    // RoBERTa numbers positions from pad_token_id + 1 (create_position_ids_from_input_ids).
    if (family == ModelFamily::Roberta && maxPositionEmbeddings <= padTokenId + 1)
        throw UsageError("config: a RoBERTa model needs max_position_embeddings above pad_token_id + 1 (" +
                         std::to_string(padTokenId + 1) + "), as its positions start there");
    if (padTokenId < 0 || padTokenId >= vocabSize)
        throw UsageError("config field \"pad_token_id\" is outside the vocabulary");
    if (id2label.empty()) throw UsageError("config: a model needs at least one label");
    for (const auto& [layer, heads] : prunedHeads) {
        const std::string entry = "config field \"pruned_heads\" entry " + std::to_string(layer);
        if (layer < 0 || layer >= numHiddenLayers)
            throw UsageError(entry + " names a layer the model does not have (layers 0.." +
                             std::to_string(numHiddenLayers - 1) + ")");
        for (const auto head : heads)
            if (head < 0 || head >= numAttentionHeads)
                throw UsageError(entry + " names head " + std::to_string(head) + "; the layers have heads 0.." +
                                 std::to_string(numAttentionHeads - 1));
        if (!std::is_sorted(heads.begin(), heads.end()) ||
            std::adjacent_find(heads.begin(), heads.end()) != heads.end())
            throw UsageError(entry + " must list its heads in ascending order, each once");
        // transformers would build a layer of zero heads, whose output is its bias alone.
        if (int64_t(heads.size()) >= numAttentionHeads)
            throw UsageError(entry + " prunes every head of the layer; at least one head per layer must remain");
    }
}

int64_t ModelConfig::headsInLayer(int64_t layer) const {
    const auto pruned = prunedHeads.find(layer);
    return numAttentionHeads - (pruned == prunedHeads.end() ? 0 : int64_t(pruned->second.size()));
}

std::vector<int64_t> ModelConfig::remainingHeads(int64_t layer) const {
    const auto pruned = prunedHeads.find(layer);
    std::vector<int64_t> heads;
    for (int64_t head = 0; head < numAttentionHeads; ++head)
        if (pruned == prunedHeads.end() ||
            !std::binary_search(pruned->second.begin(), pruned->second.end(), head))
            heads.push_back(head);
    return heads;
}

ModelConfig ModelConfig::fromJson(const json& j) {
    if (!j.is_object()) throw UsageError("config must be a JSON object");
    // Found by fuzz_model_config: a model_type that is not a string failed on save.
    std::string modelType = "bert";  // configs older than model_type are BERT's
    if (const auto type = j.find("model_type"); type != j.end()) {
        if (!type->is_string()) throw UsageError("config field \"model_type\" must be a string, not " + jsonText(*type));
        modelType = type->get<std::string>();
    }
    ModelConfig config = defaultConfig(familyOfModelType(modelType));
    config.extra = json::object();
    const auto& names = fieldNamesOf(config.family);
    readField(j, "vocab_size", config.vocabSize);
    readField(j, names.hidden, config.hiddenSize);
    readField(j, names.layers, config.numHiddenLayers);
    readField(j, names.heads, config.numAttentionHeads);
    readField(j, names.intermediate, config.intermediateSize);
    std::string act = "gelu";
    readField(j, names.activation, act);
    config.hiddenAct = parseActivation(act, names.activation);
    readField(j, names.hiddenDropout, config.hiddenDropoutProb);
    readField(j, names.attentionDropout, config.attentionProbsDropoutProb);
    readField(j, "max_position_embeddings", config.maxPositionEmbeddings);
    readField(j, "initializer_range", config.initializerRange);
    readField(j, "pad_token_id", config.padTokenId);
    readField(j, "architectures", config.architectures);
    if (config.family == ModelFamily::DistilBert) {
        readField(j, "seq_classif_dropout", config.seqClassifDropout);
        readField(j, "sinusoidal_pos_embds", config.sinusoidalPositions);
    } else {
        readField(j, "classifier_dropout", config.classifierDropout);
        readField(j, "type_vocab_size", config.typeVocabSize);
        readField(j, "layer_norm_eps", config.layerNormEps);
        std::string positions = "absolute";
        readField(j, "position_embedding_type", positions);
        if (positions != "absolute")
            throw UsageError("config field \"position_embedding_type\" is \"" + positions +
                             "\"; only \"absolute\" is supported");
    }
    config.id2label = readLabels(j);
    config.prunedHeads = readPrunedHeads(j);

    const auto owned = ownedKeys(config.family);
    for (const auto& [key, value] : j.items())
        if (std::find(owned.begin(), owned.end(), key) == owned.end()) config.extra[key] = value;
    config.validate();
    return config;
}

ModelConfig ModelConfig::fromFile(const std::string& path) {
    const auto j = readJsonFile(path);
    try {
        return fromJson(j);
    } catch (const UsageError& e) {
        throw FileError(path, e.what());
    }
}

json ModelConfig::toJson() const {
    json j = extra;
    const auto& names = fieldNamesOf(family);
    j["model_type"] = modelTypeName(family);
    j["vocab_size"] = vocabSize;
    j[names.hidden] = hiddenSize;
    j[names.layers] = numHiddenLayers;
    j[names.heads] = numAttentionHeads;
    j[names.intermediate] = intermediateSize;
    j[names.activation] = activationName(hiddenAct);
    j[names.hiddenDropout] = hiddenDropoutProb;
    j[names.attentionDropout] = attentionProbsDropoutProb;
    j["max_position_embeddings"] = maxPositionEmbeddings;
    j["initializer_range"] = initializerRange;
    j["pad_token_id"] = padTokenId;
    if (family == ModelFamily::DistilBert) {
        j["seq_classif_dropout"] = seqClassifDropout;
        j["sinusoidal_pos_embds"] = sinusoidalPositions;
    } else {
        j["classifier_dropout"] = classifierDropout < 0 ? json(nullptr) : json(classifierDropout);
        j["type_vocab_size"] = typeVocabSize;
        j["layer_norm_eps"] = layerNormEps;
        j["position_embedding_type"] = "absolute";
    }
    if (!architectures.empty()) j["architectures"] = architectures;
    json id2labelJson = json::object(), label2idJson = json::object();
    for (size_t i = 0; i < id2label.size(); ++i) {
        id2labelJson[std::to_string(i)] = id2label[i];
        label2idJson[id2label[i]] = i;
    }
    j["id2label"] = id2labelJson;
    j["label2id"] = label2idJson;
    j["num_labels"] = id2label.size();
    // Left out when empty, as transformers' to_diff_dict leaves out defaults.
    if (!prunedHeads.empty()) {
        json pruned = json::object();
        for (const auto& [layer, heads] : prunedHeads) pruned[std::to_string(layer)] = heads;
        j["pruned_heads"] = pruned;
    }
    return j;
}

}  // namespace bertbench

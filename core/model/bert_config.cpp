#include "model/bert_config.h"

#include "common/errors.h"
#include "common/json_file.h"

#include <filesystem>
#include <type_traits>
#include <fstream>

namespace bertbench {

namespace {

using nlohmann::json;

// Keys this struct owns; everything else goes to `extra` verbatim.
const char* const kOwnedKeys[] = {
    "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads",
    "intermediate_size", "hidden_act", "hidden_dropout_prob",
    "attention_probs_dropout_prob", "classifier_dropout", "max_position_embeddings",
    "type_vocab_size", "initializer_range", "layer_norm_eps", "pad_token_id",
    "architectures", "id2label", "label2id", "num_labels", "_num_labels",
};

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

Activation parseActivation(const std::string& name) {
    if (name == "gelu") return Activation::Gelu;
    if (name == "gelu_new" || name == "gelu_pytorch_tanh") return Activation::GeluNew;
    if (name == "relu") return Activation::Relu;
    throw UsageError("config field \"hidden_act\" is \"" + name +
                     "\"; supported: gelu, gelu_new, relu");
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

}  // namespace

std::string activationName(Activation activation) {
    switch (activation) {
    case Activation::Gelu: return "gelu";
    case Activation::GeluNew: return "gelu_new";
    case Activation::Relu: return "relu";
    }
    return "gelu";
}

std::vector<std::string> defaultLabels(int64_t count) {
    std::vector<std::string> labels;
    for (int64_t i = 0; i < count; ++i) labels.push_back("LABEL_" + std::to_string(i));
    return labels;
}

void BertConfig::validate() const {
    auto bounded = [](int64_t value, const char* field, int64_t max) {
        if (value <= 0 || value > max)
            throw UsageError(std::string("config field \"") + field + "\" is " + std::to_string(value) +
                             "; it must be 1.." + std::to_string(max));
    };
    bounded(vocabSize, "vocab_size", kMaxVocabulary);
    bounded(hiddenSize, "hidden_size", kMaxHidden);
    bounded(numHiddenLayers, "num_hidden_layers", kMaxLayers);
    bounded(numAttentionHeads, "num_attention_heads", kMaxHeads);
    bounded(intermediateSize, "intermediate_size", kMaxIntermediate);
    bounded(maxPositionEmbeddings, "max_position_embeddings", kMaxPositions);
    bounded(typeVocabSize, "type_vocab_size", kMaxTokenTypes);
    auto probability = [](double value, const char* field) {
        if (!(value >= 0 && value < 1))  // also refuses NaN
            throw UsageError(std::string("config field \"") + field + "\" is " + std::to_string(value) +
                             "; a dropout probability must be in [0, 1)");
    };
    probability(hiddenDropoutProb, "hidden_dropout_prob");
    probability(attentionProbsDropoutProb, "attention_probs_dropout_prob");
    if (classifierDropout >= 0) probability(classifierDropout, "classifier_dropout");
    if (!(initializerRange > 0 && initializerRange < 10))
        throw UsageError("config field \"initializer_range\" is " + std::to_string(initializerRange) +
                         "; it must be positive (BERT uses 0.02)");
    if (!(layerNormEps > 0 && layerNormEps < 1))
        throw UsageError("config field \"layer_norm_eps\" is " + std::to_string(layerNormEps) +
                         "; it must be positive and small (BERT uses 1e-12)");
    if (hiddenSize % numAttentionHeads != 0)
        throw UsageError("config: hidden_size " + std::to_string(hiddenSize) +
                         " is not a multiple of num_attention_heads " +
                         std::to_string(numAttentionHeads));
    if (padTokenId < 0 || padTokenId >= vocabSize)
        throw UsageError("config field \"pad_token_id\" is outside the vocabulary");
    if (id2label.empty()) throw UsageError("config: a model needs at least one label");
}

BertConfig BertConfig::fromJson(const json& j) {
    if (!j.is_object()) throw UsageError("config must be a JSON object");
    BertConfig config;
    // Found by fuzz_model_config: a model_type that is not a string failed on save.
    if (const auto type = j.find("model_type"); type != j.end() && !type->is_string())
        throw UsageError("config field \"model_type\" must be a string, not " + jsonText(*type));
    readField(j, "vocab_size", config.vocabSize);
    readField(j, "hidden_size", config.hiddenSize);
    readField(j, "num_hidden_layers", config.numHiddenLayers);
    readField(j, "num_attention_heads", config.numAttentionHeads);
    readField(j, "intermediate_size", config.intermediateSize);
    std::string act = "gelu";
    readField(j, "hidden_act", act);
    config.hiddenAct = parseActivation(act);
    readField(j, "hidden_dropout_prob", config.hiddenDropoutProb);
    readField(j, "attention_probs_dropout_prob", config.attentionProbsDropoutProb);
    readField(j, "classifier_dropout", config.classifierDropout);
    readField(j, "max_position_embeddings", config.maxPositionEmbeddings);
    readField(j, "type_vocab_size", config.typeVocabSize);
    readField(j, "initializer_range", config.initializerRange);
    readField(j, "layer_norm_eps", config.layerNormEps);
    readField(j, "pad_token_id", config.padTokenId);
    readField(j, "architectures", config.architectures);
    config.id2label = readLabels(j);

    std::string positions = "absolute";
    readField(j, "position_embedding_type", positions);
    if (positions != "absolute")
        throw UsageError("config field \"position_embedding_type\" is \"" + positions +
                         "\"; only \"absolute\" is supported");
    for (const auto& [key, value] : j.items()) {
        bool owned = false;
        for (const char* k : kOwnedKeys) owned = owned || key == k;
        if (!owned) config.extra[key] = value;
    }
    config.validate();
    return config;
}

BertConfig BertConfig::fromFile(const std::string& path) {
    const auto j = readJsonFile(path);
    try {
        return fromJson(j);
    } catch (const UsageError& e) {
        throw FileError(path, e.what());
    }
}

json BertConfig::toJson() const {
    json j = extra;
    j["model_type"] = j.value("model_type", std::string("bert"));
    j["vocab_size"] = vocabSize;
    j["hidden_size"] = hiddenSize;
    j["num_hidden_layers"] = numHiddenLayers;
    j["num_attention_heads"] = numAttentionHeads;
    j["intermediate_size"] = intermediateSize;
    j["hidden_act"] = activationName(hiddenAct);
    j["hidden_dropout_prob"] = hiddenDropoutProb;
    j["attention_probs_dropout_prob"] = attentionProbsDropoutProb;
    j["classifier_dropout"] = classifierDropout < 0 ? json(nullptr) : json(classifierDropout);
    j["max_position_embeddings"] = maxPositionEmbeddings;
    j["type_vocab_size"] = typeVocabSize;
    j["initializer_range"] = initializerRange;
    j["layer_norm_eps"] = layerNormEps;
    j["pad_token_id"] = padTokenId;
    j["position_embedding_type"] = "absolute";
    if (!architectures.empty()) j["architectures"] = architectures;
    json id2labelJson = json::object(), label2idJson = json::object();
    for (size_t i = 0; i < id2label.size(); ++i) {
        id2labelJson[std::to_string(i)] = id2label[i];
        label2idJson[id2label[i]] = i;
    }
    j["id2label"] = id2labelJson;
    j["label2id"] = label2idJson;
    j["num_labels"] = id2label.size();
    return j;
}

}  // namespace bertbench

// ModelConfig: the architecture of a BERT-family model (BERT, DistilBERT,
// RoBERTa), read from and written to a Hugging Face config.json. config.json's
// model_type selects the family; each family's own field names and defaults
// (transformers' BertConfig, DistilBertConfig, RobertaConfig) are read into the
// one set of sizes below and written back under the family's names, so a folder
// round-trips unchanged. Fields this engine does not use are kept in `extra`.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bertbench {

enum class Activation { Gelu, GeluNew, Relu };

enum class ModelFamily { Bert, DistilBert, Roberta };

// Heads by layer, as transformers' prune_heads and config.pruned_heads take
// them: {layer: [head, ...]}, heads always numbered as in the unpruned model.
using HeadsByLayer = std::map<int64_t, std::vector<int64_t>>;

struct ModelConfig {
    ModelFamily family = ModelFamily::Bert;  // model_type: bert | distilbert | roberta
    int64_t vocabSize = 30522;              // vocab_size: rows of the word embedding
    int64_t hiddenSize = 768;               // hidden_size: H, width of every layer
    int64_t numHiddenLayers = 12;           // num_hidden_layers: encoder layers
    int64_t numAttentionHeads = 12;         // num_attention_heads: N, must divide H; before any pruning
    int64_t intermediateSize = 3072;        // intermediate_size: feed-forward width
    Activation hiddenAct = Activation::Gelu;  // hidden_act: gelu (erf) | gelu_new (tanh) | relu
    double hiddenDropoutProb = 0.1;         // hidden_dropout_prob
    double attentionProbsDropoutProb = 0.1; // attention_probs_dropout_prob
    double classifierDropout = -1;          // classifier_dropout: < 0 means null (use hidden_dropout_prob)
    int64_t maxPositionEmbeddings = 512;    // max_position_embeddings: longest input in tokens
    int64_t typeVocabSize = 2;              // type_vocab_size: segment ids (0/1 for pairs); 0 = none (DistilBERT)
    double initializerRange = 0.02;         // initializer_range: std of the normal init
    double layerNormEps = 1e-12;            // layer_norm_eps
    int64_t padTokenId = 0;                 // pad_token_id
    double seqClassifDropout = 0.2;         // DistilBERT seq_classif_dropout (its classifier's dropout)
    bool sinusoidalPositions = false;       // DistilBERT sinusoidal_pos_embds: fixed sin/cos positions
    std::vector<std::string> architectures; // architectures: e.g. BertForSequenceClassification
    std::vector<std::string> id2label;      // id2label as a dense list; empty = no labels yet
    // pruned_heads: the heads prune_heads removed, by layer, each list sorted and
    // unique (original head numbers); empty = none. The layers are built without them.
    HeadsByLayer prunedHeads;
    nlohmann::json extra = nlohmann::json::object();  // every other field, preserved verbatim

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    // The heads a layer still has: numAttentionHeads less its pruned ones, and
    // their original numbers in ascending order.
    int64_t headsInLayer(int64_t layer) const;
    std::vector<int64_t> remainingHeads(int64_t layer) const;
    // RoBERTa numbers positions from pad_token_id + 1 (padding keeps position
    // pad_token_id), so two fewer tokens fit than it has positions.
    int64_t firstPosition() const { return family == ModelFamily::Roberta ? padTokenId + 1 : 0; }
    int64_t maxInputLength() const { return maxPositionEmbeddings - firstPosition(); }
    int64_t numLabels() const { return static_cast<int64_t>(id2label.size()); }
    double effectiveClassifierDropout() const {
        if (family == ModelFamily::DistilBert) return seqClassifDropout;
        return classifierDropout < 0 ? hiddenDropoutProb : classifierDropout;
    }

    // Throws UsageError naming the field when the architecture is inconsistent.
    void validate() const;

    static ModelConfig fromJson(const nlohmann::json& json);  // throws UsageError on bad fields
    static ModelConfig fromFile(const std::string& path);     // throws FileError
    nlohmann::json toJson() const;
};

std::string activationName(Activation activation);

std::string modelTypeName(ModelFamily family);     // config.json's model_type: "bert", "distilbert", "roberta"
std::string familyDisplayName(ModelFamily family); // for people: "BERT", "DistilBERT", "RoBERTa"
// A new config with the family's defaults (transformers' config classes).
ModelConfig defaultConfig(ModelFamily family);
// Throws UsageError naming the type and the supported ones.
ModelFamily familyOfModelType(const std::string& modelType);

// Default Hugging Face label names: LABEL_0, LABEL_1, ...
std::vector<std::string> defaultLabels(int64_t count);

}  // namespace bertbench

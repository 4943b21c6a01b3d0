// BertConfig: the architecture of a BERT model, read from and written to a
// Hugging Face config.json. Fields keep the Hugging Face names and defaults
// (transformers' BertConfig), so a folder round-trips unchanged; fields this
// engine does not use are kept in `extra` and written back on save.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bertbench {

enum class Activation { Gelu, GeluNew, Relu };

struct BertConfig {
    int64_t vocabSize = 30522;              // vocab_size: rows of the word embedding
    int64_t hiddenSize = 768;               // hidden_size: H, width of every layer
    int64_t numHiddenLayers = 12;           // num_hidden_layers: encoder layers
    int64_t numAttentionHeads = 12;         // num_attention_heads: N, must divide H
    int64_t intermediateSize = 3072;        // intermediate_size: feed-forward width
    Activation hiddenAct = Activation::Gelu;  // hidden_act: gelu (erf) | gelu_new (tanh) | relu
    double hiddenDropoutProb = 0.1;         // hidden_dropout_prob
    double attentionProbsDropoutProb = 0.1; // attention_probs_dropout_prob
    double classifierDropout = -1;          // classifier_dropout: < 0 means null (use hidden_dropout_prob)
    int64_t maxPositionEmbeddings = 512;    // max_position_embeddings: longest input in tokens
    int64_t typeVocabSize = 2;              // type_vocab_size: segment ids (0/1 for pairs)
    double initializerRange = 0.02;         // initializer_range: std of the normal init
    double layerNormEps = 1e-12;            // layer_norm_eps
    int64_t padTokenId = 0;                 // pad_token_id
    std::vector<std::string> architectures; // architectures: e.g. BertForSequenceClassification
    std::vector<std::string> id2label;      // id2label as a dense list; empty = no labels yet
    nlohmann::json extra = nlohmann::json::object();  // every other field, preserved verbatim

    int64_t headDim() const { return hiddenSize / numAttentionHeads; }
    int64_t numLabels() const { return static_cast<int64_t>(id2label.size()); }
    double effectiveClassifierDropout() const {
        return classifierDropout < 0 ? hiddenDropoutProb : classifierDropout;
    }

    // Throws UsageError naming the field when the architecture is inconsistent.
    void validate() const;

    static BertConfig fromJson(const nlohmann::json& json);  // throws UsageError on bad fields
    static BertConfig fromFile(const std::string& path);     // throws FileError
    nlohmann::json toJson() const;
};

std::string activationName(Activation activation);

// Default Hugging Face label names: LABEL_0, LABEL_1, ...
std::vector<std::string> defaultLabels(int64_t count);

}  // namespace bertbench

// The Hugging Face hub cache, where transformers keeps the models a user has
// downloaded: <cache>/models--ORG--NAME/snapshots/REV/ with the files as
// symlinks into ../../blobs/, refs/main naming the current revision. BertBench
// never downloads; it lists and opens what is already there.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

struct CachedModel {
    std::string name;      // the hub id: "bert-base-uncased", "google/bert_uncased_L-2_H-128_A-2"
    std::string folder;    // the snapshot folder, a model folder the loader reads
    std::string family;    // BERT | DistilBERT | RoBERTa
    std::string architecture;  // config.json's first architecture, or "" when it names none
    int64_t layers = 0;
    int64_t bytes = 0;     // of the snapshot's files (the blobs its links point to)
    std::vector<std::string> labels;  // id2label
    bool classifier = false;          // saved as ...ForSequenceClassification
};

// The cache folders transformers would use, in its order of precedence:
// $HF_HUB_CACHE, $HF_HOME/hub, $TRANSFORMERS_CACHE, ~/.cache/huggingface/hub.
// `environment` maps variable names to values (tests pass their own); only
// existing folders are returned, each once.
std::vector<std::string> hubCacheFolders(const std::map<std::string, std::string>& environment);
std::vector<std::string> hubCacheFolders();  // from the process environment

// Every BERT-family model in the folders (config.json of a supported
// model_type, a weights file and a tokenizer), by name; a name cached in two
// folders is listed from the first. Anything else is skipped, never an error.
std::vector<CachedModel> findCachedModels(const std::vector<std::string>& cacheFolders);

// The snapshot folder of `name` (its refs/main revision, else the newest
// snapshot), when a BERT-family model of that name is in the folders.
std::optional<std::string> cachedModelFolder(const std::string& name, const std::vector<std::string>& cacheFolders);

}  // namespace bertbench

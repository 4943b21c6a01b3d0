#include "checkpoint/hub_cache.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/model_config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace bertbench {

namespace {

namespace fs = std::filesystem;

// models--google--bert_uncased_L-2_H-128_A-2 -> google/bert_uncased_L-2_H-128_A-2
std::optional<std::string> hubName(const std::string& entry) {
    const std::string prefix = "models--";
    if (!startsWith(entry, prefix) || entry.size() == prefix.size()) return std::nullopt;
    std::string name = entry.substr(prefix.size());
    for (size_t at = name.find("--"); at != std::string::npos; at = name.find("--", at + 1)) name.replace(at, 2, "/");
    return name;
}

// refs/main holds the revision, as written by huggingface_hub (no newline, or one).
std::string readFirstLine(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    return line;
}

// refs/main's revision when its snapshot exists, else the newest snapshot.
std::optional<fs::path> currentSnapshot(const fs::path& repo) {
    std::error_code error;
    const auto snapshots = repo / "snapshots";
    const std::string main = readFirstLine(repo / "refs" / "main");
    if (!main.empty() && fs::is_directory(snapshots / main, error)) return snapshots / main;
    std::optional<fs::path> newest;
    fs::file_time_type newestTime;
    for (const auto& entry : fs::directory_iterator(snapshots, error)) {
        if (!entry.is_directory(error)) continue;
        const auto time = entry.last_write_time(error);
        if (!newest || time > newestTime) newest = entry.path(), newestTime = time;
    }
    return newest;
}

bool hasAny(const fs::path& folder, std::initializer_list<const char*> names) {
    std::error_code error;
    for (const char* name : names)
        if (fs::exists(folder / name, error)) return true;  // follows the symlink into blobs/
    return false;
}

std::optional<CachedModel> describe(const std::string& name, const fs::path& snapshot) {
    if (!hasAny(snapshot, {"model.safetensors", "pytorch_model.bin"})) return std::nullopt;
    if (!hasAny(snapshot, {"vocab.txt", "vocab.json", "tokenizer.json"})) return std::nullopt;
    ModelConfig config;
    try {
        config = ModelConfig::fromFile((snapshot / "config.json").string());
    } catch (const Error&) {
        return std::nullopt;  // not a BERT-family model (or a config it cannot read)
    }
    CachedModel model;
    model.name = name;
    model.folder = snapshot.string();
    model.family = familyDisplayName(config.family);
    model.architecture = config.architectures.empty() ? std::string() : config.architectures.front();
    model.layers = config.numHiddenLayers;
    model.labels = config.id2label;
    model.classifier = endsWith(model.architecture, "ForSequenceClassification");
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(snapshot, error))
        if (entry.is_regular_file(error)) model.bytes += int64_t(entry.file_size(error));  // the blob's size
    return model;
}

}  // namespace

std::vector<std::string> hubCacheFolders(const std::map<std::string, std::string>& environment) {
    auto value = [&](const char* key) {
        const auto it = environment.find(key);
        return it == environment.end() ? std::string() : it->second;
    };
    std::vector<std::string> candidates;
    if (!value("HF_HUB_CACHE").empty()) candidates.push_back(value("HF_HUB_CACHE"));
    if (!value("HF_HOME").empty()) candidates.push_back(value("HF_HOME") + "/hub");
    if (!value("TRANSFORMERS_CACHE").empty()) candidates.push_back(value("TRANSFORMERS_CACHE"));
    if (!value("HOME").empty()) candidates.push_back(value("HOME") + "/.cache/huggingface/hub");
    std::vector<std::string> folders;
    std::set<fs::path> seen;
    for (const auto& candidate : candidates) {
        std::error_code error;
        if (!fs::is_directory(candidate, error)) continue;
        const auto canonical = fs::weakly_canonical(candidate, error);
        if (seen.insert(error ? fs::path(candidate) : canonical).second) folders.push_back(candidate);
    }
    return folders;
}

std::vector<std::string> hubCacheFolders() {
    std::map<std::string, std::string> environment;
    for (const char* key : {"HF_HUB_CACHE", "HF_HOME", "TRANSFORMERS_CACHE", "HOME"})
        if (const char* value = std::getenv(key)) environment[key] = value;
    return hubCacheFolders(environment);
}

std::vector<CachedModel> findCachedModels(const std::vector<std::string>& cacheFolders) {
    std::vector<CachedModel> models;
    std::set<std::string> names;
    for (const auto& folder : cacheFolders) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            const auto name = hubName(entry.path().filename().string());
            if (!name || names.count(*name) || !entry.is_directory(error)) continue;
            const auto snapshot = currentSnapshot(entry.path());
            if (!snapshot) continue;
            if (auto model = describe(*name, *snapshot)) {
                names.insert(*name);
                models.push_back(std::move(*model));
            }
        }
    }
    std::sort(models.begin(), models.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return models;
}

std::optional<std::string> cachedModelFolder(const std::string& name, const std::vector<std::string>& cacheFolders) {
    // Straight to the one repository folder the name maps to, not a scan of the cache.
    std::string entry = "models--" + name;
    for (size_t at = entry.find('/'); at != std::string::npos; at = entry.find('/', at + 2)) entry.replace(at, 1, "--");
    for (const auto& folder : cacheFolders) {
        std::error_code error;
        const auto repo = fs::path(folder) / entry;
        if (!fs::is_directory(repo, error)) continue;
        if (const auto snapshot = currentSnapshot(repo); snapshot && describe(name, *snapshot))
            return snapshot->string();
    }
    return std::nullopt;
}

}  // namespace bertbench

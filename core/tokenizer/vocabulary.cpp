// Loading vocab.txt the way HF's load_vocab does, and the id table behind find().
#include "tokenizer/vocabulary.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include "common/errors.h"
#include "tokenizer/unicode_text.h"

namespace bertbench {
namespace {

// FNV-1a: streams over prefix and rest, so "##" + piece hashes without a copy.
uint64_t hashBytes(uint64_t hash, std::string_view bytes) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001B3ull;
    }
    return hash;
}
constexpr uint64_t kHashSeed = 0xCBF29CE484222325ull;

uint32_t fold(uint64_t hash) { return static_cast<uint32_t>(hash ^ (hash >> 32)); }

// Python reads vocab.txt with encoding="utf-8", which rejects malformed bytes.
bool isValidUtf8(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        if (unicode::decodeUtf8(text, pos) == unicode::kReplacementChar &&
            text.substr(start, pos - start) != "\xEF\xBF\xBD")
            return false;
    }
    return true;
}

}  // namespace

Vocabulary Vocabulary::fromFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path)) throw FileError(path, "cannot open vocabulary file (not a file)");
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw FileError(path, "cannot read vocabulary file");

    Vocabulary vocab;
    vocab.sourcePath_ = path;
    size_t start = 0;
    while (start < content.size()) {
        size_t end = content.find_first_of("\r\n", start);
        if (end == std::string::npos) end = content.size();
        std::string_view line(content.data() + start, end - start);
        if (!isValidUtf8(line))
            throw FileError(path, "vocabulary is not valid UTF-8", static_cast<long>(vocab.tokens_.size() + 1));
        vocab.tokens_.emplace_back(line);
        if (end == content.size())
            start = end;
        else if (content[end] == '\r' && end + 1 < content.size() && content[end + 1] == '\n')
            start = end + 2;
        else
            start = end + 1;
    }
    if (vocab.tokens_.empty()) throw FileError(path, "vocabulary file is empty");
    if (vocab.tokens_.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw FileError(path, "vocabulary has too many tokens");
    vocab.buildIndex();
    return vocab;
}

Vocabulary Vocabulary::fromTokens(std::vector<std::string> tokens) {
    if (tokens.empty()) throw UsageError("a vocabulary needs at least one token");
    if (tokens.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()))
        throw UsageError("vocabulary has too many tokens");
    Vocabulary vocab;
    vocab.tokens_ = std::move(tokens);
    vocab.buildIndex();
    return vocab;
}

void Vocabulary::buildIndex() {
    size_t capacity = 16;
    while (capacity < tokens_.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t id = 0; id < tokens_.size(); ++id) {
        const uint32_t hash = fold(hashBytes(kHashSeed, tokens_[id]));
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.id < 0) {
                slot = Slot{hash, static_cast<int32_t>(id)};
                break;
            }
            if (slot.hash == hash && tokens_[static_cast<size_t>(slot.id)] == tokens_[id]) {
                slot.id = static_cast<int32_t>(id);  // a repeated token keeps its last id
                break;
            }
        }
    }
}

std::optional<int32_t> Vocabulary::lookup(uint64_t fullHash, std::string_view prefix,
                                          std::string_view rest) const {
    const uint32_t hash = fold(fullHash);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.id < 0) return std::nullopt;
        if (slot.hash != hash) continue;
        const std::string& candidate = tokens_[static_cast<size_t>(slot.id)];
        const std::string_view view(candidate);
        if (view.size() == prefix.size() + rest.size() && view.substr(0, prefix.size()) == prefix &&
            view.substr(prefix.size()) == rest)
            return slot.id;
    }
}

std::optional<int32_t> Vocabulary::find(std::string_view token) const {
    return lookup(hashBytes(kHashSeed, token), {}, token);
}

std::optional<int32_t> Vocabulary::find(std::string_view prefix, std::string_view rest) const {
    return lookup(hashBytes(hashBytes(kHashSeed, prefix), rest), prefix, rest);
}

int32_t Vocabulary::idOf(std::string_view token) const {
    if (auto id = find(token)) return *id;
    throw UsageError("token '" + std::string(token) + "' is not in the vocabulary");
}

const std::string& Vocabulary::token(int32_t id) const {
    if (id < 0 || static_cast<size_t>(id) >= tokens_.size())
        throw UsageError("token id " + std::to_string(id) + " is outside the vocabulary (size " +
                         std::to_string(tokens_.size()) + ")");
    return tokens_[static_cast<size_t>(id)];
}

}  // namespace bertbench

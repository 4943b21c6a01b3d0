// A WordPiece vocabulary (vocab.txt): id <-> token. Lookups take string_views and
// never allocate, because the tokenizer probes it for every candidate wordpiece;
// std::unordered_map<std::string> cannot be probed with a view in C++17, so this
// keeps its own open-addressing table of ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bertbench {

class Vocabulary {
public:
    // One token per line, id = line index, as HF's load_vocab: lines end at \n,
    // \r\n or \r (Python's universal newlines) and nothing else is trimmed.
    // Throws FileError if the file cannot be read, is empty or is not UTF-8.
    static Vocabulary fromFile(const std::string& path);
    // Throws UsageError if tokens is empty.
    static Vocabulary fromTokens(std::vector<std::string> tokens);

    // A token listed twice maps to its last id (HF builds a dict line by line);
    // token(id) still returns each line.
    std::optional<int32_t> find(std::string_view token) const;
    // Looks up prefix + rest without building the string ("##" continuations).
    std::optional<int32_t> find(std::string_view prefix, std::string_view rest) const;
    int32_t idOf(std::string_view token) const;  // throws UsageError if absent
    const std::string& token(int32_t id) const;  // throws UsageError if out of range
    size_t size() const { return tokens_.size(); }
    const std::vector<std::string>& tokens() const { return tokens_; }
    // The file it was read from; empty for fromTokens. Lets later checks (e.g. a
    // missing [SEP]) name the file.
    const std::string& sourcePath() const { return sourcePath_; }

private:
    struct Slot {
        uint32_t hash = 0;
        int32_t id = -1;  // -1: empty
    };

    Vocabulary() = default;
    void buildIndex();
    std::optional<int32_t> lookup(uint64_t hash, std::string_view prefix, std::string_view rest) const;

    std::vector<std::string> tokens_;
    std::vector<Slot> slots_;  // size is a power of two, at most half full
    std::string sourcePath_;
};

}  // namespace bertbench

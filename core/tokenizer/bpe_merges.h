// The merge table of a byte-level BPE tokenizer (merges.txt, or tokenizer.json's
// model.merges) and the merging itself, as GPT2Tokenizer.bpe() in transformers
// 4.29.2 does it: repeatedly take the adjacent pair of symbols with the lowest
// rank and merge every occurrence of it, left to right, until no adjacent pair
// is in the table. Immutable once built; apply() is safe from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tokenizer/vocabulary.h"

namespace bertbench {

class BpeMerges {
public:
    using Pair = std::pair<std::string, std::string>;

    // merges.txt as RobertaTokenizer reads it: UTF-8, Python's universal
    // newlines, read().split("\n")[1:-1], so the first line (the "#version"
    // header) is skipped whatever it says, and so is a last line with no newline
    // after it. Each line is two symbols separated by whitespace; a blank line is
    // ignored. Throws FileError naming the file (and the line): missing or
    // unreadable, not UTF-8, or a line with one symbol or more than two
    // (transformers keeps such a line as a merge that can never apply).
    static BpeMerges fromFile(const std::string& path);

    // Pairs in rank order, e.g. from tokenizer.json. `source` names them in
    // errors: a FileError for an empty symbol or one holding whitespace, which
    // merges.txt could not represent.
    static BpeMerges fromPairs(const std::vector<Pair>& pairs, const std::string& source);

    // Appends the BPE pieces of `word` (text of whole UTF-8 characters, e.g. a
    // word in the byte alphabet) to `pieces`; they are consecutive views of word.
    void apply(std::string_view word, std::vector<std::string_view>& pieces) const;

    // Each merge once, in rank order; a pair listed twice ranks where it was
    // listed last, as in transformers' dict. What merges.txt lists after its header.
    const std::vector<Pair>& pairs() const { return pairs_; }
    // merges.txt as transformers' save_vocabulary writes it: "#version: 0.2", then a line per merge.
    std::string fileText() const;

private:
    struct Merge {
        uint32_t rank;
        int32_t result;  // symbol id of first+second; -1 if it is no merge's first or second symbol
    };

    explicit BpeMerges(const std::vector<Pair>& listed);
    int32_t symbolId(std::string_view symbol) const;
    const Merge* find(int32_t first, int32_t second) const;

    std::vector<Pair> pairs_;
    std::optional<Vocabulary> symbols_;               // every first and second symbol; none without merges
    std::unordered_map<uint64_t, Merge> merges_;      // (first id << 32 | second id) -> merge
};

}  // namespace bertbench

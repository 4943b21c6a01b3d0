// HF's WordpieceTokenizer: greedy longest-match-first split of one word into
// vocabulary pieces, continuation pieces prefixed with "##". A word longer than
// maxInputCharsPerWord code points, or one the vocabulary cannot cover, becomes
// a single [UNK].
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenizer/vocabulary.h"

namespace bertbench {

class WordPiece {
public:
    // Reads vocab only to learn its longest tokens, which bounds the candidates
    // tried per position; it keeps no reference, so pass the same vocab below.
    WordPiece(const Vocabulary& vocab, int32_t unkId, int maxInputCharsPerWord);

    void appendIds(const Vocabulary& vocab, std::string_view word, std::vector<int32_t>& ids) const;

private:
    int32_t unkId_;
    int maxInputCharsPerWord_;
    size_t longestToken_ = 0;         // bytes
    size_t longestContinuation_ = 0;  // bytes after "##"
};

}  // namespace bertbench

// Cuts raw text at the added and special tokens before anything else sees it,
// as PreTrainedTokenizer.tokenize() in transformers 4.29.2 does: its Trie finds
// the tokens (the leftmost match, the longest at that place), then each token's
// lstrip/rstrip flags strip the whitespace of its neighbours. Immutable once
// built; split() is safe from several threads.
#pragma once

#include <string_view>
#include <vector>

#include "tokenizer/added_token.h"

namespace bertbench {

struct TextSegment {
    std::string_view text;
    int token = -1;  // index of the added token this segment is; -1 for ordinary text
};

class AddedTokenSplitter {
public:
    // A content listed twice keeps the flags listed last; empty contents are ignored.
    explicit AddedTokenSplitter(const std::vector<AddedToken>& tokens);

    // Appends the segments of `text` (valid UTF-8) in order. Text segments are
    // never empty; whitespace a token absorbed is in no segment.
    void split(std::string_view text, std::vector<TextSegment>& segments) const;

    const std::vector<AddedToken>& tokens() const { return tokens_; }

private:
    struct Node {
        std::vector<std::pair<char32_t, int>> children;  // sorted by character
        int token = -1;                                  // index into tokens_ where a token ends here
    };

    int child(int node, char32_t c) const;
    int exactMatch(std::string_view text) const;
    void trieSplit(std::string_view text, std::vector<TextSegment>& segments) const;

    std::vector<AddedToken> tokens_;
    std::vector<Node> nodes_;  // nodes_[0] is the root
};

}  // namespace bertbench

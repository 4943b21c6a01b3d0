// Greedy longest-match-first WordPiece over UTF-8 bytes; candidate ends are
// only tried at code point boundaries, as HF slices a Python str.
#include "tokenizer/wordpiece.h"

#include <algorithm>

namespace bertbench {
namespace {

constexpr std::string_view kContinuation = "##";

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

WordPiece::WordPiece(const Vocabulary& vocab, int32_t unkId, int maxInputCharsPerWord)
    : unkId_(unkId), maxInputCharsPerWord_(maxInputCharsPerWord) {
    for (const std::string& token : vocab.tokens()) {
        longestToken_ = std::max(longestToken_, token.size());
        if (std::string_view(token).substr(0, 2) == kContinuation)
            longestContinuation_ = std::max(longestContinuation_, token.size() - 2);
    }
}

void WordPiece::appendIds(const Vocabulary& vocab, std::string_view word, std::vector<int32_t>& ids) const {
    if (word.empty()) return;
    const auto chars = static_cast<size_t>(
        std::count_if(word.begin(), word.end(), [](char c) { return !isContinuationByte(c); }));
    if (chars > static_cast<size_t>(std::max(maxInputCharsPerWord_, 0))) {
        ids.push_back(unkId_);
        return;
    }
    const size_t firstPiece = ids.size();
    size_t start = 0;  // byte offset, always on a code point boundary
    while (start < word.size()) {
        const size_t limit = start == 0 ? longestToken_ : longestContinuation_;
        size_t end = std::min(word.size(), start + limit);
        while (end < word.size() && isContinuationByte(word[end])) --end;  // back to a boundary
        bool found = false;
        for (; end > start; --end) {
            if (end < word.size() && isContinuationByte(word[end])) continue;
            const std::string_view piece = word.substr(start, end - start);
            const auto id = start == 0 ? vocab.find(piece) : vocab.find(kContinuation, piece);
            if (id) {
                ids.push_back(*id);
                found = true;
                break;
            }
        }
        if (!found) {  // HF drops the pieces found so far and emits one [UNK]
            ids.resize(firstPiece);
            ids.push_back(unkId_);
            return;
        }
        start = end;
    }
}

}  // namespace bertbench

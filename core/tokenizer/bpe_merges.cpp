// Reading merges.txt exactly as transformers' slow tokenizers do, and GPT-2's
// merge loop made O(n log n) per word: transformers rescans the whole word for
// each merge, which is quadratic in a long word (a URL, a base64 blob); a heap
// of candidate pairs keyed by rank gives the same merges in the same order.
#include "tokenizer/bpe_merges.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <unordered_map>

#include "common/errors.h"
#include "tokenizer/unicode_text.h"
#include "tokenizer/utf8_repair.h"

namespace bertbench {
namespace {

bool containsPythonSpace(std::string_view text) {
    for (size_t pos = 0; pos < text.size();)
        if (unicode::isPythonSpace(unicode::decodeUtf8(text, pos))) return true;
    return false;
}

// Python's str.split() with no argument: runs of Unicode whitespace separate,
// leading and trailing whitespace yields nothing.
std::vector<std::string_view> splitPythonWhitespace(std::string_view line) {
    std::vector<std::string_view> parts;
    size_t wordStart = std::string_view::npos;
    for (size_t pos = 0; pos < line.size();) {
        const size_t start = pos;
        const bool space = unicode::isPythonSpace(unicode::decodeUtf8(line, pos));
        if (space && wordStart != std::string_view::npos) {
            parts.push_back(line.substr(wordStart, start - wordStart));
            wordStart = std::string_view::npos;
        } else if (!space && wordStart == std::string_view::npos) {
            wordStart = start;
        }
    }
    if (wordStart != std::string_view::npos) parts.push_back(line.substr(wordStart));
    return parts;
}

// Python's universal newlines then split("\n"): \n, \r\n and \r end a line, and
// the text after the last line end (empty when the file ends with one) is the
// last element.
std::vector<std::string_view> universalLines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    for (;;) {
        const size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
    }
}

// transformers' dict(zip(merges, range(n))): a pair listed again moves to its
// later place. Returns each pair once, in the order of those final ranks.
std::vector<BpeMerges::Pair> lastRankOrder(const std::vector<BpeMerges::Pair>& listed) {
    std::unordered_map<std::string, size_t> lastIndex;  // "first second": symbols never hold whitespace
    for (size_t i = 0; i < listed.size(); ++i) lastIndex[listed[i].first + ' ' + listed[i].second] = i;
    if (lastIndex.size() == listed.size()) return listed;
    std::vector<BpeMerges::Pair> unique;
    unique.reserve(lastIndex.size());
    for (size_t i = 0; i < listed.size(); ++i)
        if (lastIndex[listed[i].first + ' ' + listed[i].second] == i) unique.push_back(listed[i]);
    return unique;
}

uint64_t pairKey(int32_t first, int32_t second) {
    return (uint64_t(uint32_t(first)) << 32) | uint32_t(second);
}

}  // namespace

BpeMerges BpeMerges::fromFile(const std::string& path) {
    std::error_code error;
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, error)) throw FileError(path, "cannot open the merges file");
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw FileError(path, "cannot read the merges file");

    const auto lines = universalLines(content);
    // Python decodes the whole file before splitting it, so a bad byte anywhere fails.
    for (size_t i = 0; i < lines.size(); ++i)
        if (!isValidUtf8(lines[i])) throw FileError(path, "merges file is not valid UTF-8", long(i + 1));
    if (lines.size() > size_t(std::numeric_limits<int32_t>::max()))
        throw FileError(path, "merges file has too many lines");

    std::vector<Pair> listed;
    for (size_t i = 1; i + 1 < lines.size(); ++i) {
        const auto parts = splitPythonWhitespace(lines[i]);
        if (parts.empty()) continue;
        if (parts.size() != 2)
            throw FileError(path,
                            "a merge is two symbols separated by a space, this line has " +
                                std::to_string(parts.size()) + (parts.size() == 1 ? " symbol" : " symbols"),
                            long(i + 1));
        listed.emplace_back(std::string(parts[0]), std::string(parts[1]));
    }
    return BpeMerges(lastRankOrder(listed));
}

BpeMerges BpeMerges::fromPairs(const std::vector<Pair>& pairs, const std::string& source) {
    for (size_t i = 0; i < pairs.size(); ++i)
        for (const std::string* symbol : {&pairs[i].first, &pairs[i].second})
            if (symbol->empty() || containsPythonSpace(*symbol) || !isValidUtf8(*symbol))
                throw FileError(source, "merge " + std::to_string(i) + " has a symbol that is empty, not UTF-8 "
                                        "or holds whitespace, which merges.txt cannot represent");
    if (pairs.size() > size_t(std::numeric_limits<int32_t>::max())) throw FileError(source, "too many merges");
    return BpeMerges(lastRankOrder(pairs));
}

BpeMerges::BpeMerges(const std::vector<Pair>& listed) : pairs_(listed) {
    if (pairs_.empty()) return;
    std::vector<std::string> symbols;
    std::unordered_map<std::string, int32_t> seen;
    for (const auto& [first, second] : pairs_)
        for (const std::string* symbol : {&first, &second})
            if (seen.emplace(*symbol, int32_t(symbols.size())).second) symbols.push_back(*symbol);
    symbols_ = Vocabulary::fromTokens(std::move(symbols));
    merges_.reserve(pairs_.size());
    for (size_t rank = 0; rank < pairs_.size(); ++rank) {
        const auto& [first, second] = pairs_[rank];
        merges_[pairKey(*symbols_->find(first), *symbols_->find(second))] = {uint32_t(rank),
                                                                              symbolId(first + second)};
    }
}

int32_t BpeMerges::symbolId(std::string_view symbol) const {
    if (!symbols_) return -1;
    return symbols_->find(symbol).value_or(-1);
}

const BpeMerges::Merge* BpeMerges::find(int32_t first, int32_t second) const {
    if (first < 0 || second < 0) return nullptr;
    const auto it = merges_.find(pairKey(first, second));
    return it == merges_.end() ? nullptr : &it->second;
}

// The word is a doubly linked list of symbols; a merge keeps the left node and
// unlinks the right one. The heap holds (rank, left node) for every adjacent
// pair that was ever formed, checked again when it comes out. All pairs of the
// lowest rank are merged in one pass from left to right, as transformers does:
// merging "a a" in "a a a" leaves "aa a", never "a aa".
void BpeMerges::apply(std::string_view word, std::vector<std::string_view>& pieces) const {
    struct Node {
        uint32_t begin, end;
        int32_t symbol, prev, next;
        bool alive;
    };
    struct Candidate {
        uint32_t rank;
        int32_t left;
        bool operator>(const Candidate& other) const { return rank > other.rank; }
    };
    thread_local std::vector<Node> nodes;
    thread_local std::vector<Candidate> heap;
    thread_local std::vector<int32_t> batch;
    nodes.clear();
    heap.clear();
    for (size_t pos = 0; pos < word.size();) {
        const size_t start = pos;
        unicode::decodeUtf8(word, pos);
        const int32_t index = int32_t(nodes.size());
        nodes.push_back({uint32_t(start), uint32_t(pos), symbolId(word.substr(start, pos - start)), index - 1,
                         index + 1, true});
    }
    if (nodes.empty()) return;
    nodes.back().next = -1;

    auto consider = [&](int32_t left) {
        if (left < 0 || nodes[left].next < 0) return;
        if (const Merge* merge = find(nodes[left].symbol, nodes[nodes[left].next].symbol)) {
            heap.push_back({merge->rank, left});
            std::push_heap(heap.begin(), heap.end(), std::greater<>());
        }
    };
    for (int32_t i = 0; i + 1 < int32_t(nodes.size()); ++i) consider(i);

    while (!heap.empty()) {
        const uint32_t rank = heap.front().rank;
        batch.clear();
        while (!heap.empty() && heap.front().rank == rank) {
            batch.push_back(heap.front().left);
            std::pop_heap(heap.begin(), heap.end(), std::greater<>());
            heap.pop_back();
        }
        std::sort(batch.begin(), batch.end());
        for (int32_t left : batch) {
            Node& a = nodes[left];
            if (!a.alive || a.next < 0) continue;
            Node& b = nodes[a.next];
            const Merge* merge = find(a.symbol, b.symbol);
            if (!merge || merge->rank != rank) continue;  // stale: a neighbour changed since
            a.end = b.end;
            a.symbol = merge->result;
            b.alive = false;
            a.next = b.next;
            if (a.next >= 0) nodes[a.next].prev = left;
            // Neither new pair can be this rank's pair again (first+second differs from both).
            consider(a.prev);
            consider(left);
        }
    }
    for (int32_t i = 0; i >= 0; i = nodes[i].next)  // the first node is never unlinked
        pieces.push_back(word.substr(nodes[i].begin, nodes[i].end - nodes[i].begin));
}

std::string BpeMerges::fileText() const {
    std::string text = "#version: 0.2\n";
    for (const auto& [first, second] : pairs_) text += first + ' ' + second + '\n';
    return text;
}

}  // namespace bertbench

// A line-by-line port of transformers 4.29.2's Trie.split (tokenization_utils.py),
// quirks included, on code points as Python indexes a str, followed by the
// whitespace stripping of PreTrainedTokenizer.tokenize().
#include "tokenizer/added_token_splitter.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "tokenizer/unicode_text.h"

namespace bertbench {
namespace {

// Python str.lstrip() / str.rstrip() with no argument.
std::string_view lstripPython(std::string_view text) {
    size_t begin = 0;
    while (begin < text.size()) {
        size_t next = begin;
        if (!unicode::isPythonSpace(unicode::decodeUtf8(text, next))) break;
        begin = next;
    }
    return text.substr(begin);
}

std::string_view rstripPython(std::string_view text) {
    size_t end = text.size();
    while (end > 0) {
        size_t lead = end - 1;
        while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
        size_t next = lead;
        if (!unicode::isPythonSpace(unicode::decodeUtf8(text, next))) break;
        end = lead;
    }
    return text.substr(0, end);
}

}  // namespace

AddedTokenSplitter::AddedTokenSplitter(const std::vector<AddedToken>& tokens) : nodes_(1) {
    std::unordered_map<std::string, size_t> indexOf;
    for (const AddedToken& token : tokens) {
        if (token.content.empty()) continue;  // Trie.add ignores the empty string
        const auto [it, inserted] = indexOf.emplace(token.content, tokens_.size());
        if (inserted)
            tokens_.push_back(token);
        else
            tokens_[it->second] = token;
    }
    for (size_t index = 0; index < tokens_.size(); ++index) {
        const std::string& content = tokens_[index].content;
        int node = 0;
        for (size_t pos = 0; pos < content.size();) {
            const char32_t c = unicode::decodeUtf8(content, pos);
            int next = child(node, c);
            if (next < 0) {
                next = int(nodes_.size());
                nodes_.emplace_back();
                auto& children = nodes_[node].children;
                children.insert(std::upper_bound(children.begin(), children.end(), std::make_pair(c, -1)),
                                {c, next});
            }
            node = next;
        }
        nodes_[node].token = int(index);
    }
}

int AddedTokenSplitter::child(int node, char32_t c) const {
    const auto& children = nodes_[node].children;
    const auto it = std::lower_bound(children.begin(), children.end(), std::make_pair(c, -1));
    return it != children.end() && it->first == c ? it->second : -1;
}

int AddedTokenSplitter::exactMatch(std::string_view text) const {
    int node = 0;
    for (size_t pos = 0; pos < text.size() && node >= 0;) node = child(node, unicode::decodeUtf8(text, pos));
    return node >= 0 && !text.empty() ? nodes_[node].token : -1;
}

// Trie.split, then cut_text. Indices are code points; `offsetOf` maps them to bytes.
void AddedTokenSplitter::trieSplit(std::string_view text, std::vector<TextSegment>& segments) const {
    thread_local std::vector<char32_t> chars;
    thread_local std::vector<size_t> offsetOf;
    thread_local std::vector<std::pair<size_t, int>> states;  // (start, trie node), in insertion order
    thread_local std::vector<size_t> offsets;
    thread_local std::vector<size_t> toRemove;
    chars.clear();
    offsetOf.clear();
    for (size_t pos = 0; pos < text.size();) {
        offsetOf.push_back(pos);
        chars.push_back(unicode::decodeUtf8(text, pos));
    }
    const size_t length = chars.size();
    offsetOf.push_back(text.size());
    auto terminal = [&](int node) { return nodes_[node].token >= 0; };

    states.clear();
    offsets.assign(1, 0);
    size_t skip = 0;
    for (size_t current = 0; current < length; ++current) {
        if (skip && current < skip) continue;
        const char32_t currentChar = chars[current];
        toRemove.clear();
        bool reset = false;
        for (auto& [stateStart, statePointer] : states) {
            if (terminal(statePointer)) {
                // A complete match: look ahead for a longer one from the same or an earlier start.
                size_t start = stateStart, end = 0;
                for (const auto& [lookStart, lookPointerAtStart] : states) {
                    int lookPointer = lookPointerAtStart;
                    size_t lookahead;
                    if (lookStart > start) break;
                    if (lookStart < start) {
                        lookahead = current + 1;  // this state already consumed the current character
                        end = current + 1;
                    } else {
                        lookahead = current;
                        end = current;
                    }
                    if (terminal(lookPointer)) {
                        start = lookStart;
                        end = lookahead;
                        skip = lookahead;
                    }
                    while (lookahead < length && child(lookPointer, chars[lookahead]) >= 0) {
                        lookPointer = child(lookPointer, chars[lookahead]);
                        ++lookahead;
                        if (terminal(lookPointer)) {
                            start = lookStart;
                            end = lookahead;
                            skip = lookahead;
                        }
                    }
                }
                offsets.push_back(start);
                offsets.push_back(end);
                reset = true;
                break;
            }
            const int next = child(statePointer, currentChar);
            if (next >= 0)
                statePointer = next;
            else
                toRemove.push_back(stateStart);
        }
        if (reset) {
            states.clear();
        } else if (!toRemove.empty()) {
            states.erase(std::remove_if(states.begin(), states.end(),
                                        [&](const auto& state) {
                                            return std::find(toRemove.begin(), toRemove.end(), state.first) !=
                                                   toRemove.end();
                                        }),
                         states.end());
        }
        if (current >= skip) {
            const int first = child(0, currentChar);
            if (first >= 0) states.emplace_back(current, first);
        }
    }
    for (const auto& [start, pointer] : states) {
        if (terminal(pointer)) {  // the earliest start is the longest cut
            offsets.push_back(start);
            offsets.push_back(length);
            break;
        }
    }

    offsets.push_back(length);
    size_t start = 0;
    for (size_t end : offsets) {
        if (start >= end) continue;  // transformers logs an error for start > end and goes on
        segments.push_back({text.substr(offsetOf[start], offsetOf[end] - offsetOf[start]), -1});
        start = end;
    }
}

void AddedTokenSplitter::split(std::string_view text, std::vector<TextSegment>& segments) const {
    const size_t first = segments.size();
    if (tokens_.empty()) {
        if (!text.empty()) segments.push_back({text, -1});
        return;
    }
    trieSplit(text, segments);
    // tokenize(): a token eats the whitespace next to it, as its flags say;
    // neighbours are looked at as earlier steps left them.
    const size_t count = segments.size() - first;
    for (size_t i = 0; i < count; ++i) {
        const int token = exactMatch(segments[first + i].text);
        if (token < 0) continue;
        if (tokens_[token].rstrip && i + 1 < count && !segments[first + i + 1].text.empty())
            segments[first + i + 1].text = lstripPython(segments[first + i + 1].text);
        if (tokens_[token].lstrip && i > 0 && !segments[first + i - 1].text.empty())
            segments[first + i - 1].text = rstripPython(segments[first + i - 1].text);
    }
    size_t kept = first;
    for (size_t i = first; i < segments.size(); ++i) {
        if (segments[i].text.empty()) continue;
        segments[kept] = segments[i];
        segments[kept].token = exactMatch(segments[i].text);
        ++kept;
    }
    segments.resize(kept);
}

}  // namespace bertbench

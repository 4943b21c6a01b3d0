#include "tokenizer/decode_cleanup.h"

#include <utility>

#include "tokenizer/unicode_text.h"

namespace bertbench {

// Python str.replace: non-overlapping occurrences, scanned left to right.
void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    std::string result;
    size_t start = 0;
    for (size_t hit; (hit = text.find(from.data(), start, from.size())) != std::string::npos;
         start = hit + from.size()) {
        result.append(text, start, hit - start);
        result.append(to);
    }
    if (start == 0) return;
    result.append(text, start, std::string::npos);
    text = std::move(result);
}

// Python str.strip() with no argument: strips Unicode whitespace.
std::string stripPythonSpace(const std::string& text) {
    size_t begin = 0;
    while (begin < text.size()) {
        size_t next = begin;
        if (!unicode::isPythonSpace(unicode::decodeUtf8(text, next))) break;
        begin = next;
    }
    size_t end = text.size();
    while (end > begin) {
        size_t lead = end - 1;
        while (lead > begin && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
        size_t next = lead;
        if (!unicode::isPythonSpace(unicode::decodeUtf8(text, next)) || next != end) break;
        end = lead;
    }
    return text.substr(begin, end - begin);
}

void cleanUpTokenization(std::string& text) {
    constexpr std::pair<std::string_view, std::string_view> kCleanup[] = {
        {" .", "."},     {" ?", "?"},     {" !", "!"},     {" ,", ","},     {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };
    for (const auto& [from, to] : kCleanup) replaceAll(text, from, to);
}

}  // namespace bertbench

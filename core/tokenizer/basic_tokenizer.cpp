// BasicTokenizer in two passes, as HF orders it: (1) clean, isolate CJK, split on
// whitespace; (2) per whitespace word: never_split check, accent stripping,
// punctuation split. Lower-casing happens in pass 1 because HF's
// PreTrainedTokenizer.tokenize lower-cases the raw text character by character
// before BasicTokenizer runs (so it also precedes the never_split check).
#include "tokenizer/basic_tokenizer.h"

#include <algorithm>
#include <utility>

#include "tokenizer/unicode_text.h"

namespace bertbench {
namespace {

// Pass-1 output: cleaned words back to back, plus whether each has non-ASCII.
struct Pass1 {
    struct Word {
        size_t offset, length;
        bool ascii;
    };
    std::string text;
    std::vector<Word> words;
    std::string stripped;
    std::vector<int32_t> decomposition;
};

Pass1& scratch() {
    thread_local Pass1 buffers;
    return buffers;
}

bool isAsciiPunctuation(unsigned char c) {
    return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

bool allAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

BasicTokenizer::BasicTokenizer(bool lowercase, bool stripAccents, bool tokenizeChineseChars,
                               std::vector<std::string> neverSplit)
    : lowercase_(lowercase),
      stripAccents_(stripAccents),
      tokenizeChineseChars_(tokenizeChineseChars),
      neverSplit_(std::move(neverSplit)) {}

bool BasicTokenizer::isNeverSplit(std::string_view word) const {
    return std::any_of(neverSplit_.begin(), neverSplit_.end(),
                       [word](const std::string& s) { return s == word; });
}

void BasicTokenizer::split(std::string_view text, WordList& out) const {
    Pass1& p = scratch();
    p.text.clear();
    p.words.clear();

    bool open = false;
    auto close = [&p, &open] {
        if (!open) return;
        p.words.back().length = p.text.size() - p.words.back().offset;
        open = false;
    };
    for (size_t pos = 0; pos < text.size();) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        char32_t cp;
        unicode::CharClass kind;
        if (byte < 0x80) {  // ASCII: the common case, no table lookups in utf8proc
            cp = byte;
            ++pos;
            if (byte > 0x20 && byte < 0x7F) {
                if (!open) {
                    p.words.push_back({p.text.size(), 0, true});
                    open = true;
                }
                p.text.push_back(static_cast<char>(lowercase_ && byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
                continue;
            }
            kind = unicode::classify(cp);
        } else {
            cp = unicode::decodeUtf8(text, pos);
            kind = unicode::classify(cp);
        }
        if (kind == unicode::CharClass::Drop) continue;  // deleted, so it joins its neighbours
        if (kind == unicode::CharClass::Space) {
            close();
            continue;
        }
        const bool isolated = kind == unicode::CharClass::Chinese && tokenizeChineseChars_;
        if (isolated) close();
        if (!open) {
            p.words.push_back({p.text.size(), 0, true});
            open = true;
        }
        if (lowercase_)
            unicode::appendLower(p.text, cp);
        else
            unicode::appendUtf8(p.text, cp);
        if (cp >= 0x80) p.words.back().ascii = false;
        if (isolated) close();
    }
    close();

    for (const Pass1::Word& w : p.words) {
        std::string_view word(p.text.data() + w.offset, w.length);
        if (isNeverSplit(word)) {
            out.add(word);
            continue;
        }
        bool ascii = w.ascii;
        if (stripAccents_ && !ascii) {
            p.stripped.clear();
            unicode::appendStrippedAccents(p.stripped, word, p.decomposition);
            word = p.stripped;
            ascii = allAscii(word);
        }
        splitOnPunctuation(word, ascii, out);
    }
}

// HF _run_split_on_punc: every punctuation character becomes a word of its own.
void BasicTokenizer::splitOnPunctuation(std::string_view word, bool ascii, WordList& out) const {
    size_t start = 0;
    for (size_t pos = 0; pos < word.size();) {
        const size_t charStart = pos;
        bool punctuation;
        if (ascii) {
            punctuation = isAsciiPunctuation(static_cast<unsigned char>(word[pos]));
            ++pos;
        } else {
            punctuation = unicode::isPunctuation(unicode::decodeUtf8(word, pos));
        }
        if (!punctuation) continue;
        if (charStart > start) out.add(word.substr(start, charStart - start));
        out.add(word.substr(charStart, pos - charStart));
        start = pos;
    }
    if (word.size() > start) out.add(word.substr(start));
}

}  // namespace bertbench

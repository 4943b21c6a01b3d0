// HF's BasicTokenizer: cleans text and splits it into words on whitespace,
// punctuation and CJK ideographs, lower-casing and stripping accents on the way.
// Its words go into a reused WordList.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/word_list.h"

namespace bertbench {

class BasicTokenizer {
public:
    // neverSplit: words kept whole, unlowered and unstripped, when a whole
    // whitespace-separated word equals one after cleaning (HF's never_split).
    BasicTokenizer(bool lowercase, bool stripAccents, bool tokenizeChineseChars,
                   std::vector<std::string> neverSplit);

    // Appends the words of text to out. Invalid UTF-8 is read as U+FFFD, which
    // the cleaning step deletes like HF deletes a U+FFFD in its input, so bad
    // bytes vanish without splitting the word they sit in.
    void split(std::string_view text, WordList& out) const;

private:
    bool isNeverSplit(std::string_view word) const;
    void splitOnPunctuation(std::string_view word, bool ascii, WordList& out) const;

    bool lowercase_;
    bool stripAccents_;
    bool tokenizeChineseChars_;
    std::vector<std::string> neverSplit_;
};

}  // namespace bertbench

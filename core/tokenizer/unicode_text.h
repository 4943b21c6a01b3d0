// UTF-8 decoding and the character predicates of Hugging Face's BertTokenizer,
// answered with the data of the Python that produced the reference fixtures
// (Python 3.11, unicodedata = Unicode 14.0) rather than whatever Unicode version
// utf8proc ships, so that tokenization does not drift with the system library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bertbench::unicode {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at text[pos] and moves pos past it. An ill-formed
// sequence yields U+FFFD and consumes only its maximal valid prefix (at least one
// byte), so the ASCII byte after a truncated sequence is still read as itself.
char32_t decodeUtf8(std::string_view text, size_t& pos);

void appendUtf8(std::string& out, char32_t cp);

// How BasicTokenizer's cleaning pass treats a character.
enum class CharClass : unsigned char {
    Drop,     // NUL, U+FFFD, any category C* except \t \n \r (incl. unassigned)
    Space,    // splits words: \t \n \r, Zs, and U+2028/U+2029 (Python's str.split())
    Chinese,  // a CJK ideograph HF isolates as its own word
    Other,
};
CharClass classify(char32_t cp);

// HF _is_punctuation: ASCII symbols 33-47, 58-64, 91-96, 123-126 or category P*.
bool isPunctuation(char32_t cp);

// Python's str.isspace(), used by str.strip() when decoding.
bool isPythonSpace(char32_t cp);

// Appends Python's str.lower() of the single character cp. This is what HF
// does: PreTrainedTokenizer.tokenize lowers the text one character at a time
// (regex `.+?`), so the context-dependent final sigma never applies, and the
// only multi-character result is U+0130 -> "i" U+0307.
void appendLower(std::string& out, char32_t cp);

// NFD of a UTF-8 string (canonical decomposition plus canonical reordering, as
// unicodedata.normalize("NFD")) with every nonspacing mark (Mn) dropped: HF's
// _run_strip_accents. The input must be valid UTF-8.
void appendStrippedAccents(std::string& out, std::string_view utf8, std::vector<int32_t>& scratch);

// The Unicode version of the linked utf8proc. The table of characters that are
// unassigned in Unicode 14.0 was made against utf8proc's 15.0.0.
const char* libraryUnicodeVersion();

}  // namespace bertbench::unicode

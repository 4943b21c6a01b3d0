// Character predicates matching Python 3.11's unicodedata (Unicode 14.0), built
// on utf8proc. A full comparison over all code points (Python 3.11 vs utf8proc
// 2.8) showed utf8proc agrees on categories, simple lower-casing and canonical
// decomposition except for (a) characters new in Unicode 15.0, which Python sees
// as unassigned (Cn) and HF therefore deletes, listed below, and (b) U+0130,
// whose Python lower() is two code points.
#include "tokenizer/unicode_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <iterator>

namespace bertbench::unicode {
namespace {

struct Range {
    char32_t first, last;
};

// Assigned in Unicode 15.0 (utf8proc 2.8) but unassigned in 14.0 (Python 3.11).
constexpr Range kNewInUnicode15[] = {
    {0xCF3, 0xCF3},     {0xECE, 0xECE},     {0x10EFD, 0x10EFF}, {0x1123F, 0x11241},
    {0x11B00, 0x11B09}, {0x11F00, 0x11F10}, {0x11F12, 0x11F3A}, {0x11F3E, 0x11F59},
    {0x1342F, 0x1342F}, {0x13439, 0x13455}, {0x1B132, 0x1B132}, {0x1B155, 0x1B155},
    {0x1D2C0, 0x1D2D3}, {0x1DF25, 0x1DF2A}, {0x1E030, 0x1E06D}, {0x1E08F, 0x1E08F},
    {0x1E4D0, 0x1E4F9}, {0x1F6DC, 0x1F6DC}, {0x1F774, 0x1F776}, {0x1F77B, 0x1F77F},
    {0x1F7D9, 0x1F7D9}, {0x1FA75, 0x1FA77}, {0x1FA87, 0x1FA88}, {0x1FAAD, 0x1FAAF},
    {0x1FABB, 0x1FABD}, {0x1FABF, 0x1FABF}, {0x1FACE, 0x1FACF}, {0x1FADA, 0x1FADB},
    {0x1FAE8, 0x1FAE8}, {0x1FAF7, 0x1FAF8}, {0x2B739, 0x2B739}, {0x31350, 0x323AF},
};

bool unassignedInUnicode14(char32_t cp) {
    auto it = std::upper_bound(std::begin(kNewInUnicode15), std::end(kNewInUnicode15), cp,
                               [](char32_t c, const Range& r) { return c < r.first; });
    return it != std::begin(kNewInUnicode15) && cp <= std::prev(it)->last;
}

// HF BasicTokenizer._is_chinese_char.
bool isChineseChar(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F) ||
           (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool isAsciiPunctuation(char32_t cp) {
    return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) ||
           (cp >= 123 && cp <= 126);
}

}  // namespace

char32_t decodeUtf8(std::string_view text, size_t& pos) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int length = 0;
    char32_t cp = 0;
    // Allowed range of the second byte; excludes overlongs, surrogates, > U+10FFFF.
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        ++pos;
        return kReplacementChar;
    }
    size_t i = pos + 1;
    for (int k = 1; k < length; ++k, ++i) {
        if (i >= text.size() || bytes[i] < low || bytes[i] > high) {
            pos = i;
            return kReplacementChar;
        }
        cp = (cp << 6) | (bytes[i] & 0x3F);
        low = 0x80;
        high = 0xBF;
    }
    pos = i;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

CharClass classify(char32_t cp) {
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return CharClass::Space;
        if (cp < 0x20 || cp == 0x7F) return CharClass::Drop;
        return CharClass::Other;
    }
    if (cp == kReplacementChar) return CharClass::Drop;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
        return CharClass::Drop;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return CharClass::Space;
    default:
        break;
    }
    if (cp >= 0xCF3 && unassignedInUnicode14(cp)) return CharClass::Drop;
    return isChineseChar(cp) ? CharClass::Chinese : CharClass::Other;
}

bool isPunctuation(char32_t cp) {
    if (cp < 0x80) return isAsciiPunctuation(cp);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO;
}

bool isPythonSpace(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

void appendLower(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp == 0x130) {  // LATIN CAPITAL LETTER I WITH DOT ABOVE
        out += "i\xCC\x87";
    } else {
        appendUtf8(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
}

void appendStrippedAccents(std::string& out, std::string_view utf8, std::vector<int32_t>& scratch) {
    // Decompositions are at most 4 code points per input byte pair; grow on demand.
    if (scratch.size() < utf8.size() + 8) scratch.resize(utf8.size() * 2 + 8);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    auto length = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_ssize_t count = utf8proc_decompose(bytes, length, scratch.data(),
                                                static_cast<utf8proc_ssize_t>(scratch.size()),
                                                UTF8PROC_DECOMPOSE);
    if (count > static_cast<utf8proc_ssize_t>(scratch.size())) {
        scratch.resize(static_cast<size_t>(count));
        count = utf8proc_decompose(bytes, length, scratch.data(), count, UTF8PROC_DECOMPOSE);
    }
    if (count < 0) {  // unreachable for valid UTF-8; keep the text rather than lose it
        out.append(utf8);
        return;
    }
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
        if (utf8proc_category(scratch[i]) != UTF8PROC_CATEGORY_MN)
            appendUtf8(out, static_cast<char32_t>(scratch[i]));
    }
}

const char* libraryUnicodeVersion() { return utf8proc_unicode_version(); }

}  // namespace bertbench::unicode

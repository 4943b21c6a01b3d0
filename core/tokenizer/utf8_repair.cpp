#include "tokenizer/utf8_repair.h"

#include "tokenizer/unicode_text.h"

namespace bertbench {

bool isValidUtf8(std::string_view bytes) {
    for (size_t pos = 0; pos < bytes.size();) {
        if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const size_t start = pos;
        if (unicode::decodeUtf8(bytes, pos) == unicode::kReplacementChar &&
            bytes.substr(start, pos - start) != "\xEF\xBF\xBD")
            return false;
    }
    return true;
}

std::string repairedUtf8(std::string_view bytes) {
    std::string text;
    text.reserve(bytes.size());
    for (size_t pos = 0; pos < bytes.size();) unicode::appendUtf8(text, unicode::decodeUtf8(bytes, pos));
    return text;
}

}  // namespace bertbench

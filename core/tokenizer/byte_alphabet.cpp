#include "tokenizer/byte_alphabet.h"

#include <array>

#include "tokenizer/unicode_text.h"

namespace bertbench::byte_alphabet {
namespace {

bool standsForItself(unsigned b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE); }

struct Tables {
    std::array<char32_t, 256> symbol{};
    std::array<int, 0x100 + 68> byte{};  // indexed by code point; -1 where none
};

const Tables& tables() {
    static const Tables t = [] {
        Tables made;
        made.byte.fill(-1);
        char32_t next = 0x100;
        for (unsigned b = 0; b < 256; ++b) {
            made.symbol[b] = standsForItself(b) ? char32_t(b) : next++;
            made.byte[made.symbol[b]] = int(b);
        }
        return made;
    }();
    return t;
}

}  // namespace

char32_t symbolOf(unsigned char byte) { return tables().symbol[byte]; }

std::optional<unsigned char> byteOf(char32_t symbol) {
    const auto& byte = tables().byte;
    if (symbol >= byte.size() || byte[symbol] < 0) return std::nullopt;
    return static_cast<unsigned char>(byte[symbol]);
}

void appendSymbols(std::string& out, std::string_view bytes) {
    const auto& symbol = tables().symbol;
    for (unsigned char b : bytes) unicode::appendUtf8(out, symbol[b]);
}

void appendBytes(std::string& out, std::string_view symbols) {
    for (size_t pos = 0; pos < symbols.size();) {
        const size_t start = pos;
        const char32_t cp = unicode::decodeUtf8(symbols, pos);
        if (auto b = byteOf(cp))
            out.push_back(static_cast<char>(*b));
        else
            out.append(symbols.substr(start, pos - start));
    }
}

}  // namespace bertbench::byte_alphabet

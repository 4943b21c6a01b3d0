// GPT-2's byte alphabet (bytes_to_unicode in transformers): every byte value
// stands for one printable character, so that byte-level BPE can work on text
// without whitespace or control characters in its symbols. The printable bytes
// '!'..'~', '¡'..'¬' and '®'..'ÿ' stand for themselves; the other 68 (space,
// controls, DEL, U+00A0, U+00AD, ...) for U+0100 upwards in byte order, so a
// space is 'Ġ' (U+0120) and a newline 'Ċ' (U+010A).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bertbench::byte_alphabet {

char32_t symbolOf(unsigned char byte);

// The byte a character stands for; nullopt for a character outside the alphabet.
std::optional<unsigned char> byteOf(char32_t symbol);

// Appends the UTF-8 of each byte's symbol: "a b" -> "aĠb".
void appendSymbols(std::string& out, std::string_view bytes);

// The inverse: appends the byte each character of `symbols` (UTF-8) stands for.
// A character outside the alphabet, which only a vocabulary not made by
// byte-level training can hold, is appended as its own UTF-8 (transformers
// fails with a KeyError there).
void appendBytes(std::string& out, std::string_view symbols);

}  // namespace bertbench::byte_alphabet

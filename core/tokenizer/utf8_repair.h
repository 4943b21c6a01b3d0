// Checking and repairing UTF-8 the way Python reads bytes into a str: a file
// opened with encoding="utf-8" rejects ill-formed bytes, and
// bytes.decode("utf-8", errors="replace") puts one U+FFFD in place of each
// maximal ill-formed subsequence (see unicode::decodeUtf8).
#pragma once

#include <string>
#include <string_view>

namespace bertbench {

bool isValidUtf8(std::string_view bytes);

// The bytes as text, each ill-formed sequence replaced by U+FFFD.
std::string repairedUtf8(std::string_view bytes);

}  // namespace bertbench

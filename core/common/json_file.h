// The one way the engine reads JSON from files it did not write in this
// process (config.json, tokenizer_config.json, settings.json, checkpoint state,
// safetensors headers, option files): parse errors become FileError naming the
// file, and nesting is bounded while parsing, because copying or freeing a value
// nested 100,000 levels deep would overflow the stack.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bertbench {

constexpr int kMaxJsonDepth = 64;
// Far above any real tokenizer.json or config.json; a larger file is refused
// before it is read, as its parsed form would take about ten times its size.
constexpr uintmax_t kMaxJsonFileBytes = uintmax_t(256) << 20;

// Throws FileError(source, "invalid JSON: ...", line) for malformed text or
// nesting deeper than kMaxJsonDepth.
nlohmann::json parseJsonText(std::string_view text, const std::string& source, long line = 0);

// The whole file, parsed. Throws FileError when it cannot be read (missing, a
// folder, unreadable) or is not JSON as parseJsonText says.
nlohmann::json readJsonFile(const std::string& path);

// Writes `value` indented, atomically (see atomic_file.h). Strings that are not
// UTF-8 (a file name from the command line can be any bytes) are written with
// U+FFFD in their place rather than failing the write.
void writeJsonFile(const std::string& path, const nlohmann::json& value);

// The value as a 64-bit integer when it is one: an integer in range, or a float
// with an integral value such as 4.0 (some JSON writers produce those); nullopt
// for anything else, so no out-of-range conversion can happen.
std::optional<int64_t> jsonInteger(const nlohmann::json& value);

// A JSON value as a person reads it in a message: compact, bytes that are not
// UTF-8 shown as U+FFFD (dump() would throw), at most `limit` bytes long.
std::string jsonText(const nlohmann::json& value, size_t limit = 200);

}  // namespace bertbench

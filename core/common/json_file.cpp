#include "common/json_file.h"

#include "common/atomic_file.h"
#include "common/errors.h"

#include <cerrno>
#include <cmath>
#include <limits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bertbench {

nlohmann::json parseJsonText(std::string_view text, const std::string& source, long line) {
    const nlohmann::json::parser_callback_t depthLimit = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxJsonDepth)
            throw FileError(source, "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep", line);
        return true;
    };
    try {
        return nlohmann::json::parse(text.begin(), text.end(), depthLimit);
    } catch (const nlohmann::json::exception& e) {
        throw FileError(source, std::string("invalid JSON: ") + e.what(), line);
    }
}

nlohmann::json readJsonFile(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw FileError(path, "is a folder, not a JSON file");
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxJsonFileBytes)
        throw FileError(path, std::to_string(size >> 20) + " MB is too large for a JSON file here (at most " +
                                  std::to_string(kMaxJsonFileBytes >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw FileError(path, "cannot read the file");
    return parseJsonText(bytes.str(), path);
}

void writeJsonFile(const std::string& path, const nlohmann::json& value) {
    writeTextFileAtomically(path, value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::optional<int64_t> jsonInteger(const nlohmann::json& value) {
    if (value.is_number_unsigned())
        return value.get<uint64_t>() <= uint64_t(std::numeric_limits<int64_t>::max())
                   ? std::optional<int64_t>(int64_t(value.get<uint64_t>()))
                   : std::nullopt;
    if (value.is_number_integer()) return value.get<int64_t>();
    if (value.is_number_float()) {
        const double x = value.get<double>();
        // 2^53: beyond it not every integer is a double, so the value is not exact.
        if (std::isfinite(x) && std::floor(x) == x && std::abs(x) <= 9007199254740992.0) return int64_t(x);
    }
    return std::nullopt;
}

std::string jsonText(const nlohmann::json& value, size_t limit) {
    auto text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > limit) {
        size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        text = text.substr(0, cut) + "…";
    }
    return text;
}

}  // namespace bertbench

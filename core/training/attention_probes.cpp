// The attention-probe files; see attention_probes.h for the layout.
#include "training/attention_probes.h"

#include "common/atomic_file.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "common/strings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

namespace bertbench {

namespace {

const std::string kFormat = "bertbench-attention-probes/1";
const std::string kPrefix = "step-", kSuffix = ".safetensors";
// A real header is a few KB (4 probes of 64 tokens); a larger length is damage,
// refused before anything that size is allocated.
constexpr uint64_t kMaxHeaderBytes = uint64_t(16) << 20;

// "step-00000120.safetensors" -> 120; nullopt for any other name.
std::optional<int64_t> stepOfName(const std::string& name) {
    if (!startsWith(name, kPrefix) || !endsWith(name, kSuffix)) return std::nullopt;
    const std::string digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(digits);
}

size_t mapBytes(const AttentionMaps& maps) {
    return size_t(maps.layers) * size_t(maps.heads) * size_t(maps.tokens) * size_t(maps.tokens);
}

class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    [[noreturn]] void fail(const std::string& problem) const { throw FileError(path_, problem); }

    const nlohmann::json& member(const nlohmann::json& object, const std::string& key) const {
        const auto it = object.find(key);
        if (it == object.end()) fail("damaged: no \"" + key + "\" in the header");
        return *it;
    }
    std::string text(const nlohmann::json& object, const std::string& key) const {
        const auto& value = member(object, key);
        if (!value.is_string()) fail("damaged: \"" + key + "\" is not a string: " + jsonText(value));
        return value.get<std::string>();
    }
    int64_t integer(const nlohmann::json& value, const std::string& what) const {
        const auto number = jsonInteger(value);
        if (!number || *number < 0) fail("damaged: " + what + " is not a count: " + jsonText(value));
        return *number;
    }
    int64_t integerText(const nlohmann::json& object, const std::string& key) const {
        const std::string digits = text(object, key);
        if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
            fail("damaged: \"" + key + "\" is not a number: " + digits);
        return std::stoll(digits);
    }
    std::vector<std::string> strings(const nlohmann::json& object, const std::string& key) const {
        const auto& list = member(object, key);
        if (!list.is_array()) fail("damaged: \"" + key + "\" is not a list");
        std::vector<std::string> items;
        for (const auto& item : list) {
            if (!item.is_string()) fail("damaged: \"" + key + "\" holds " + jsonText(item) + ", not a string");
            items.push_back(item.get<std::string>());
        }
        return items;
    }

private:
    std::string path_;
};

}  // namespace

size_t attentionProbeTokenCap(const std::vector<size_t>& lengths, int64_t layers, int64_t heads, size_t minimum) {
    const size_t maps = size_t(std::max<int64_t>(layers, 1)) * size_t(std::max<int64_t>(heads, 1));
    auto bytes = [&](size_t cap) {
        size_t squares = 0;
        for (const size_t length : lengths) squares += std::min(length, cap) * std::min(length, cap);
        return maps * squares;
    };
    size_t cap = lengths.empty() ? minimum : *std::max_element(lengths.begin(), lengths.end());
    while (cap > minimum && bytes(cap) > kAttentionProbeValueBudget) --cap;
    return cap;
}

std::string attentionProbesDir(const std::string& runDir) { return runDir + "/attention_probes"; }

std::string attentionProbeFile(const std::string& runDir, int64_t step) {
    char name[64];
    std::snprintf(name, sizeof name, "%s%08lld%s", kPrefix.c_str(), static_cast<long long>(step), kSuffix.c_str());
    return attentionProbesDir(runDir) + "/" + name;
}

void writeAttentionProbes(const std::string& path, const AttentionProbeSnapshot& s) {
    const size_t count = s.texts.size();
    if (s.pairs.size() != count || s.tokens.size() != count || s.readableTokens.size() != count ||
        s.attentions.size() != count)
        throw UsageError("attention probes: texts, pairs, tokens and maps differ in number");
    nlohmann::json probes = nlohmann::json::array(), header = nlohmann::json::object();
    size_t offset = 0;
    for (size_t i = 0; i < count; ++i) {
        const auto& maps = s.attentions[i];
        if (maps.tokens != int(s.tokens[i].size()) || s.readableTokens[i].size() != s.tokens[i].size() ||
            maps.values.size() != mapBytes(maps) || maps.layers != s.attentions[0].layers ||
            maps.heads != s.attentions[0].heads)
            throw UsageError("attention probes: probe " + std::to_string(i) + "'s maps do not fit its tokens");
        probes.push_back({{"text", s.texts[i]},
                          {"pair", s.pairs[i]},
                          {"tokens", s.tokens[i]},
                          {"readable_tokens", s.readableTokens[i]}});
        header["probe." + std::to_string(i)] = {{"dtype", "U8"},
                                                {"shape", {maps.layers, maps.heads, maps.tokens, maps.tokens}},
                                                {"data_offsets", {offset, offset + maps.values.size()}}};
        offset += maps.values.size();
    }
    const auto dump = [](const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // texts may be any bytes
    };
    header["__metadata__"] = {{"format", kFormat},
                              {"step", std::to_string(s.step)},
                              {"epoch", std::to_string(s.epoch)},
                              {"scale", "255"},
                              {"probes", dump(probes)}};
    std::string text = dump(header);
    text.append((8 - text.size() % 8) % 8, ' ');  // the data starts 8-byte aligned, as safetensors does
    writeFileAtomically(path, [&](std::ostream& out) {
        char length[8];
        for (int b = 0; b < 8; ++b) length[b] = char((uint64_t(text.size()) >> (8 * b)) & 0xff);
        out.write(length, 8);
        out << text;
        std::vector<char> bytes;
        for (const auto& maps : s.attentions) {
            bytes.resize(maps.values.size());
            for (size_t v = 0; v < bytes.size(); ++v)
                bytes[v] = char(uint8_t(std::lround(std::clamp(maps.values[v], 0.0f, 1.0f) * 255.0f)));
            out.write(bytes.data(), std::streamsize(bytes.size()));
        }
    });
}

AttentionProbeSnapshot readAttentionProbes(const std::string& path) {
    const Reader r(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) r.fail("cannot open the attention probes");
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) r.fail("cannot read the attention probes");
    if (file.size() < 8) r.fail("truncated: " + std::to_string(file.size()) + " bytes, too short for a header");
    uint64_t headerBytes = 0;
    for (int b = 0; b < 8; ++b) headerBytes |= uint64_t(uint8_t(file[size_t(b)])) << (8 * b);
    if (headerBytes > kMaxHeaderBytes) r.fail("damaged: a header of " + std::to_string(headerBytes) + " bytes");
    if (headerBytes > file.size() - 8)
        r.fail("truncated: the header needs " + std::to_string(headerBytes) + " bytes, the file has " +
               std::to_string(file.size() - 8) + " after the length");
    const auto header = parseJsonText(std::string_view(file).substr(8, headerBytes), path);
    if (!header.is_object()) r.fail("damaged: the header is not a JSON object");
    const auto& metadata = r.member(header, "__metadata__");
    if (!metadata.is_object() || !metadata.contains("format") || metadata.at("format") != kFormat)
        r.fail("not an attention-probes file (its metadata lacks \"format\": \"" + kFormat + "\")");

    AttentionProbeSnapshot s;
    s.step = r.integerText(metadata, "step");
    s.epoch = r.integerText(metadata, "epoch");
    const auto probes = parseJsonText(r.text(metadata, "probes"), path);
    if (!probes.is_array()) r.fail("damaged: \"probes\" is not a list");
    const std::string_view data = std::string_view(file).substr(8 + headerBytes);
    for (size_t i = 0; i < probes.size(); ++i) {
        const auto& probe = probes[i];
        if (!probe.is_object()) r.fail("damaged: probe " + std::to_string(i) + " is not an object");
        s.texts.push_back(r.text(probe, "text"));
        s.pairs.push_back(r.text(probe, "pair"));
        s.tokens.push_back(r.strings(probe, "tokens"));
        s.readableTokens.push_back(r.strings(probe, "readable_tokens"));
        const std::string name = "probe." + std::to_string(i);
        const auto& tensor = r.member(header, name);
        if (!tensor.is_object() || r.text(tensor, "dtype") != "U8") r.fail("damaged: " + name + " is not U8");
        const auto& shape = r.member(tensor, "shape");
        const auto& offsets = r.member(tensor, "data_offsets");
        if (!shape.is_array() || shape.size() != 4 || !offsets.is_array() || offsets.size() != 2)
            r.fail("damaged: " + name + " has no [layers, heads, tokens, tokens] shape and offsets");
        AttentionMaps maps;
        maps.layers = int(std::min<int64_t>(r.integer(shape[0], name + "'s layers"), 4096));
        maps.heads = int(std::min<int64_t>(r.integer(shape[1], name + "'s heads"), 4096));
        maps.tokens = int(std::min<int64_t>(r.integer(shape[2], name + "'s tokens"), 65536));
        if (r.integer(shape[3], name + "'s tokens") != maps.tokens || size_t(maps.tokens) != s.tokens[i].size() ||
            s.readableTokens[i].size() != s.tokens[i].size())
            r.fail("damaged: " + name + "'s shape does not fit its " + std::to_string(s.tokens[i].size()) + " tokens");
        if (i > 0 && (maps.layers != s.attentions[0].layers || maps.heads != s.attentions[0].heads))
            r.fail("damaged: " + name + " has other layers or heads than probe.0");
        const auto begin = uint64_t(r.integer(offsets[0], name + "'s offset"));
        const auto end = uint64_t(r.integer(offsets[1], name + "'s offset"));
        if (end < begin || end - begin != mapBytes(maps))
            r.fail("damaged: " + name + "'s offsets do not span its " + std::to_string(mapBytes(maps)) + " values");
        if (end > data.size())
            r.fail("truncated: " + name + " ends at byte " + std::to_string(end) + " of the data, which has " +
                   std::to_string(data.size()));
        maps.values.resize(mapBytes(maps));
        for (size_t v = 0; v < maps.values.size(); ++v)
            maps.values[v] = float(uint8_t(data[size_t(begin) + v])) * kAttentionProbeStep;
        s.attentions.push_back(std::move(maps));
    }
    return s;
}

std::vector<AttentionProbeSnapshot> loadAttentionProbes(const std::string& runDir) {
    namespace fs = std::filesystem;
    std::vector<std::pair<int64_t, std::string>> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(attentionProbesDir(runDir), error))
        if (const auto step = stepOfName(entry.path().filename().string()))
            files.emplace_back(*step, entry.path().string());
    std::sort(files.begin(), files.end());
    std::vector<AttentionProbeSnapshot> snapshots;
    for (const auto& [step, file] : files) snapshots.push_back(readAttentionProbes(file));
    // The name's step is only for people and ordering; the file's own step rules.
    std::stable_sort(snapshots.begin(), snapshots.end(),
                     [](const auto& a, const auto& b) { return a.step < b.step; });
    return snapshots;
}

void removeAttentionProbesAfter(const std::string& runDir, int64_t step) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::vector<fs::path> later;  // collected first: removing while iterating is unspecified
    for (const auto& entry : fs::directory_iterator(attentionProbesDir(runDir), error)) {
        const auto taken = stepOfName(entry.path().filename().string());
        if (taken && *taken > step) later.push_back(entry.path());
    }
    for (const auto& file : later) fs::remove(file, error);
}

}  // namespace bertbench

// What the byte-level BPE tests share: the reference folder and rows, and a
// small RoBERTa-layout vocabulary with merges that the file tests break one
// place at a time.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "temp_folder.h"
#include "tokenizer/byte_alphabet.h"
#include "tokenizer/byte_level_bpe_tokenizer.h"
#include "tokenizer/unicode_text.h"

namespace fixtures {

using bertbench::ByteLevelBpeTokenizer;
using bertbench::Encoding;
using bertbench::Tokenizer;
using nlohmann::json;

inline const std::string kRobertaFolder = "reference/tiny-roberta-cola";
inline const std::string kRows = "reference/tokenizer/roberta-kantaibert.jsonl";

inline std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline Encoding encodeRow(const Tokenizer& tok, const json& row, size_t maxLength = 0) {
    if (row.contains("text_pair"))
        return tok.encodePair(row["text"].get<std::string>(), row["text_pair"].get<std::string>(), maxLength);
    return tok.encode(row["text"].get<std::string>(), maxLength);
}

// A small RoBERTa-layout vocabulary the file tests can reason about: the five
// specials, the 256 byte symbols, then "Ġt", "he", "Ġthe" and "Ġa".
inline std::vector<std::string> smallVocabTokens() {
    std::vector<std::string> tokens = {"<s>", "<pad>", "</s>", "<unk>", "<mask>"};
    for (int b = 0; b < 256; ++b) {
        std::string symbol;
        bertbench::unicode::appendUtf8(symbol, bertbench::byte_alphabet::symbolOf(static_cast<unsigned char>(b)));
        tokens.push_back(symbol);
    }
    for (const char* merged : {"Ġt", "he", "Ġthe", "Ġa"}) tokens.push_back(merged);
    return tokens;
}

inline std::string vocabJsonText(const std::vector<std::string>& tokens) {
    json object = json::object();
    for (size_t id = 0; id < tokens.size(); ++id) object[tokens[id]] = id;
    return object.dump(2);
}

inline const std::string kSmallMerges = "#version: 0.2\nĠ t\nh e\nĠt he\nĠ a\n";

// A folder with the small vocabulary and merges, which each bad-file row then breaks in one place.
struct SmallFolder {
    explicit SmallFolder(const std::string& name) : folder(name) {
        folder.write("vocab.json", vocabJsonText(smallVocabTokens()));
        folder.write("merges.txt", kSmallMerges);
    }
    ByteLevelBpeTokenizer read() const { return ByteLevelBpeTokenizer::fromFolder(folder.path()); }
    TempFolder folder;
};

}  // namespace fixtures

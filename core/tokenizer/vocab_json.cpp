#include "tokenizer/vocab_json.h"

#include <limits>
#include <vector>

#include "common/errors.h"
#include "common/json_file.h"

namespace bertbench {

Vocabulary vocabularyFromJson(const nlohmann::json& object, const std::string& source, const std::string& what) {
    if (!object.is_object()) throw FileError(source, what + " must be a JSON object of token -> id");
    if (object.empty()) throw FileError(source, what + " has no tokens");
    if (object.size() > size_t(std::numeric_limits<int32_t>::max())) throw FileError(source, what + " is too large");
    const int64_t count = int64_t(object.size());
    std::vector<std::string> tokens(object.size());
    std::vector<bool> taken(object.size(), false);
    for (const auto& [token, value] : object.items()) {
        const auto id = jsonInteger(value);
        if (!id)
            throw FileError(source, what + ": the id of " + jsonText(token) + " is " + jsonText(value) +
                                        ", not an integer");
        if (*id < 0 || *id >= count)
            throw FileError(source, what + ": " + jsonText(token) + " has id " + std::to_string(*id) + ", but its " +
                                        std::to_string(count) + " tokens must have the ids 0.." +
                                        std::to_string(count - 1) + ", each once");
        if (taken[size_t(*id)])
            throw FileError(source, what + ": " + jsonText(tokens[size_t(*id)]) + " and " + jsonText(token) +
                                        " both have id " + std::to_string(*id) + "; each id must name one token");
        taken[size_t(*id)] = true;
        tokens[size_t(*id)] = token;
    }
    return Vocabulary::fromTokens(std::move(tokens));
}

Vocabulary readVocabJson(const std::string& path) { return vocabularyFromJson(readJsonFile(path), path, "vocab.json"); }

nlohmann::json vocabJson(const Vocabulary& vocab, size_t count) {
    nlohmann::json object = nlohmann::json::object();
    for (size_t id = 0; id < count && id < vocab.size(); ++id) object[vocab.tokens()[id]] = id;
    return object;
}

}  // namespace bertbench

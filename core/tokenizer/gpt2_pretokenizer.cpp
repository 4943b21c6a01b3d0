// The pattern runs on PCRE2: std::regex has no \p{L}. transformers compiles it
// with the third-party `regex` module (tokenization_roberta.py does
// `import regex as re`), whose \s is Unicode's White_Space property: unlike
// Python's built-in `re` it excludes \x1c-\x1f, and unlike PCRE2 10.42's \s it
// includes U+0085. So \s is spelled out here as that set.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "tokenizer/gpt2_pretokenizer.h"

#include <pcre2.h>

#include <memory>
#include <string>

#include "common/errors.h"

namespace bertbench {
namespace {

#define WHITE_SPACE \
    "\\t\\n\\x{0B}\\f\\r\\x{20}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}"
constexpr const char* kPattern =
    "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^" WHITE_SPACE "\\p{L}\\p{N}]+"
    "|[" WHITE_SPACE "]+(?![^" WHITE_SPACE "])|[" WHITE_SPACE "]+";
#undef WHITE_SPACE

struct CodeDeleter {
    void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataDeleter {
    void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

// Compiled once for the process; PCRE2 allows one compiled pattern to be used
// by several threads at once, each with its own match data.
const pcre2_code* compiledPattern() {
    static const std::unique_ptr<pcre2_code, CodeDeleter> code = [] {
        int error = 0;
        PCRE2_SIZE offset = 0;
        pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED,
                                             PCRE2_UTF | PCRE2_UCP, &error, &offset, nullptr);
        if (!compiled) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(error, message, sizeof message);
            throw UsageError("PCRE2 cannot compile GPT-2's pre-tokenizer pattern: " +
                             std::string(reinterpret_cast<const char*>(message)));
        }
        pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);  // where JIT is unavailable, the interpreter runs
        return std::unique_ptr<pcre2_code, CodeDeleter>(compiled);
    }();
    return code.get();
}

}  // namespace

void splitGpt2Words(std::string_view text, std::vector<std::string_view>& words) {
    const pcre2_code* code = compiledPattern();
    // The pattern has no groups: one pair of offsets is all a match reports.
    thread_local const std::unique_ptr<pcre2_match_data, MatchDataDeleter> match(pcre2_match_data_create(1, nullptr));
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t offset = 0;
    while (offset < text.size()) {
        const int found = pcre2_match(code, subject, text.size(), offset, PCRE2_NO_UTF_CHECK, match.get(), nullptr);
        const PCRE2_SIZE* range = pcre2_get_ovector_pointer(match.get());
        if (found < 0 || range[0] != offset || range[1] <= offset) {
            // Cannot happen (every character matches one branch); keep the rest whole rather than lose it.
            words.push_back(text.substr(offset));
            return;
        }
        words.push_back(text.substr(offset, range[1] - offset));
        offset = range[1];
    }
}

}  // namespace bertbench

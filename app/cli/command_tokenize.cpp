// bertbench-cli tokenize: the ids a model would see for each text.
#include "checkpoint/tokenizer_files.h"
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace bertbench::cli {

namespace {
struct TokenizeOptions {
    std::string modelDir;
    std::string vocabFile;
    bool cased = false;
    size_t maxLength = 0;
    TextSource texts;
};

void runTokenize(const TokenizeOptions& o) {
    if (o.modelDir.empty() && o.vocabFile.empty()) throw UsageError("give a model folder with --model or a vocabulary with --vocab");
    const auto tokenizer =
        o.modelDir.empty() ? tokenizerForNewModel(o.vocabFile, !o.cased) : readFolderTokenizer(o.modelDir).tokenizer;
    for (const auto& text : o.texts.read()) printJsonLine(encodingJson(tokenizer->encode(text, o.maxLength)));
}
}  // namespace

void addTokenizeCommand(CLI::App& app, int& exitCode) {
    auto o = std::make_shared<TokenizeOptions>();
    auto* command = addCommand(app, "tokenize", "Print the tokens and ids of texts as JSON lines (WordPiece or byte-level BPE)",
                               exitCode, [o] { runTokenize(*o); });
    auto* model = command->add_option("--model", o->modelDir, "A Hugging Face model folder (or a name in the Hugging Face cache): uses its tokenizer")->transform(modelFolderOrCachedName());
    auto* vocab = command->add_option("--vocab", o->vocabFile, "A vocab.txt file");
    model->excludes(vocab);
    auto* cased = command->add_flag("--cased", o->cased, "Keep case and accents (with --vocab)");
    cased->needs(vocab);
    command->add_option("--max-length", o->maxLength, "Truncate to this many ids, [CLS] and [SEP] included")
        ->check(CLI::Range(size_t(2), size_t(1) << 20));
    o->texts.addOptions(*command);
}

}  // namespace bertbench::cli

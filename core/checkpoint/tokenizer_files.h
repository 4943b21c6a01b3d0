// The tokenizer half of a Hugging Face model folder, whichever kind it holds:
// WordPiece (vocab.txt, BERT and DistilBERT), byte-level BPE (vocab.json +
// merges.txt, RoBERTa), or only the fast tokenizer's tokenizer.json.
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace bertbench {

struct FolderTokenizer {
    std::shared_ptr<const Tokenizer> tokenizer;
    int64_t modelMaxLength = 0;  // tokenizer_config's model_max_length; 0 when absent or unbounded
    std::string vocabularyPath;  // the file the vocabulary came from, for messages
};

// Reads the tokenizer of <dir>. tokenizer_config.json's tokenizer_class picks
// the kind when it names one; otherwise the files present do, in the order
// vocab.txt, vocab.json + merges.txt, tokenizer.json. Throws FileError naming
// the file and the problem, or the files a folder would need when it has none.
FolderTokenizer readFolderTokenizer(const std::string& dir);

// The tokenizer for a new model: a vocab.txt file (WordPiece, lower-casing as
// asked) or a folder holding any tokenizer readFolderTokenizer reads.
std::shared_ptr<const Tokenizer> tokenizerForNewModel(const std::string& path, bool lowercase);

}  // namespace bertbench

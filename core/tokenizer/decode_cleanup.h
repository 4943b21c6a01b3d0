// The text clean-up every slow transformers tokenizer applies when decoding.
#pragma once

#include <string>
#include <string_view>

namespace bertbench {

// Python str.replace: non-overlapping occurrences, scanned left to right.
void replaceAll(std::string& text, std::string_view from, std::string_view to);

// Python str.strip() with no argument: strips Unicode whitespace.
std::string stripPythonSpace(const std::string& text);

// clean_up_tokenization (clean_up_tokenization_spaces=True): " ." -> ".",
// " n't" -> "n't" and their relatives, in transformers' order.
void cleanUpTokenization(std::string& text);

}  // namespace bertbench

// Words stored back to back in one reused buffer: BasicTokenizer's output, kept
// allocation-free across sentences once the buffers have grown.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bertbench {

class WordList {
public:
    void clear() {
        text_.clear();
        spans_.clear();
    }
    size_t size() const { return spans_.size(); }
    std::string_view operator[](size_t i) const {
        return std::string_view(text_).substr(spans_[i].offset, spans_[i].length);
    }
    void add(std::string_view word) {
        spans_.push_back({text_.size(), word.size()});
        text_.append(word);
    }

private:
    struct Span {
        size_t offset, length;
    };
    std::string text_;
    std::vector<Span> spans_;
};

}  // namespace bertbench

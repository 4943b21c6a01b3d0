// The parser behind DelimitedReader: a byte loop over a refillable buffer that
// copies runs of ordinary bytes in bulk and looks at one byte at a time only at
// delimiters, quotes and line ends.
#include "data/delimited_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/errors.h"

namespace bertbench {

namespace {
constexpr size_t kBufferSize = 1 << 16;

// Reuses the string already in `fields[index]` so a record's storage survives
// from one call to the next.
std::string& fieldAt(std::vector<std::string>& fields, size_t index) {
    if (index == fields.size()) return fields.emplace_back();
    fields[index].clear();
    return fields[index];
}
}  // namespace

DelimitedReader::DelimitedReader(std::string path, DelimitedReaderOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
    const char delimiter = options_.delimiter;
    if (delimiter == '\n' || delimiter == '\r')
        throw UsageError("a line break cannot be the field delimiter");
    if (delimiter == '"' && options_.quoting)
        throw UsageError("'\"' cannot be the field delimiter while quoting is on");

    std::error_code error;
    if (std::filesystem::is_directory(path_, error)) throw FileError(path_, "is a folder, not a data file");
    in_.open(path_, std::ios::binary);
    if (!in_) throw FileError(path_, std::string("cannot open the file: ") + std::strerror(errno));
    const auto size = std::filesystem::file_size(path_, error);
    totalBytes_ = error ? 0 : static_cast<uint64_t>(size);
    buffer_.resize(kBufferSize);
}

bool DelimitedReader::refill() {
    bufferOffset_ += end_;
    pos_ = end_ = 0;
    if (!in_) return false;  // a previous read already hit the end
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (in_.bad()) throw FileError(path_, "reading the file failed", line_);
    end_ = static_cast<size_t>(in_.gcount());
    if (end_ > 0 && options_.progress && !options_.progress(bufferOffset_ + end_, totalBytes_))
        throw OperationCancelled("reading " + path_ + " was cancelled");
    return end_ > 0;
}

void DelimitedReader::skipByteOrderMark() {
    static const char kBom[] = "\xEF\xBB\xBF";
    // The first read fills the buffer unless the file is shorter than it, so
    // the three bytes, where present, are all in the buffer now.
    if (peek() != kEnd && end_ - pos_ >= 3 && std::memcmp(buffer_.data() + pos_, kBom, 3) == 0) pos_ += 3;
}

void DelimitedReader::finishLine(char lineEnd) {
    if (lineEnd == '\r' && peek() == '\n') ++pos_;
    ++line_;
}

bool DelimitedReader::skipBlankLine() {
    const int c = peek();
    if (c != '\n' && c != '\r') return false;
    ++pos_;
    finishLine(static_cast<char>(c));
    ++blankLines_;
    return true;
}

bool DelimitedReader::next(DelimitedRecord& record) {
    if (!started_) {
        started_ = true;
        skipByteOrderMark();
    }
    while (skipBlankLine()) {
    }
    if (peek() == kEnd) return false;

    record.line = line_;
    size_t count = 0;
    bool recordEnded = false;
    while (!recordEnded) {
        std::string& field = fieldAt(record.fields, count++);
        if (options_.quoting && peek() == '"') {
            ++pos_;
            recordEnded = readQuotedField(field);
        } else {
            recordEnded = readUnquotedField(field);
        }
    }
    record.fields.resize(count);
    return true;
}

// Returns true when the field ended its record (line end or end of file),
// false when a delimiter follows it.
bool DelimitedReader::readUnquotedField(std::string& field) {
    const char delimiter = options_.delimiter;
    while (peek() != kEnd) {
        const char* const start = buffer_.data() + pos_;
        const char* const stop = buffer_.data() + end_;
        const char* p = start;
        while (p != stop && *p != delimiter && *p != '\n' && *p != '\r') ++p;
        field.append(start, p);
        pos_ += static_cast<size_t>(p - start);
        if (p == stop) continue;
        ++pos_;
        if (*p == delimiter) return false;
        finishLine(*p);
        return true;
    }
    return true;
}

// Called after the opening quote; same return value as readUnquotedField.
bool DelimitedReader::readQuotedField(std::string& field) {
    const long startLine = line_;
    for (;;) {
        if (peek() == kEnd)
            throw FileError(path_, "a quoted field starting on this line is never closed", startLine);
        const char* const start = buffer_.data() + pos_;
        const char* const stop = buffer_.data() + end_;
        const char* p = start;
        while (p != stop && *p != '"' && *p != '\n' && *p != '\r') ++p;
        field.append(start, p);
        pos_ += static_cast<size_t>(p - start);
        if (p == stop) continue;

        const char c = *p;
        ++pos_;
        if (c == '\n' || c == '\r') {
            // Line breaks inside quotes are data, kept as written; they still
            // advance the line count so later records report true lines.
            field += c;
            if (c == '\r' && peek() == '\n') {
                field += '\n';
                ++pos_;
            }
            ++line_;
            continue;
        }
        const int after = peek();  // c was a quote: it is doubled or it closes the field
        if (after == '"') {
            field += '"';
            ++pos_;
            continue;
        }
        if (after == kEnd) return true;
        ++pos_;
        if (after == options_.delimiter) return false;
        if (after == '\n' || after == '\r') {
            finishLine(static_cast<char>(after));
            return true;
        }
        throw FileError(path_,
                        "unexpected character after a closing quote (a quote inside a quoted field must be doubled: \"\")",
                        line_);
    }
}

}  // namespace bertbench

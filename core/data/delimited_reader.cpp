// The parser behind DelimitedReader: a byte loop over a refillable buffer that
// copies runs of ordinary bytes in bulk and looks at one byte at a time only at
// delimiters, quotes and line ends. Quoting errors come back from the field
// readers as a FieldEnd, so next() alone decides between throwing and recovering.
#include "data/delimited_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/errors.h"

namespace bertbench {

namespace {
constexpr size_t kBufferSize = 1 << 16;

constexpr const char* kUnclosedProblem = "a quoted field starting on this line is never closed";
constexpr const char* kStrayProblem =
    "unexpected character after a closing quote (a quote inside a quoted field must be doubled: \"\")";

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
    if (end_ == 0) return false;
    if (bufferOffset_ + end_ > progressReported_) {  // bytes read again after a seek back are not progress
        progressReported_ = bufferOffset_ + end_;
        if (options_.progress && !options_.progress(progressReported_, totalBytes_))
            throw OperationCancelled("reading " + path_ + " was cancelled");
    }
    return true;
}

void DelimitedReader::seekTo(uint64_t offset) {
    in_.clear();  // the read that hit the end set eof and fail
    in_.seekg(static_cast<std::streamoff>(offset));
    if (!in_) throw FileError(path_, "cannot go back in the file to read on after a malformed row", line_);
    bufferOffset_ = offset;
    pos_ = end_ = 0;
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

void DelimitedReader::skipRestOfLine() {
    while (peek() != kEnd) {
        const char* const start = buffer_.data() + pos_;
        const char* const stop = buffer_.data() + end_;
        const char* p = start;
        while (p != stop && *p != '\n' && *p != '\r') ++p;
        pos_ += static_cast<size_t>(p - start);
        if (p == stop) continue;
        ++pos_;
        finishLine(*p);
        return;
    }
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
    record.error.clear();
    size_t count = 0;
    for (FieldEnd end = FieldEnd::Delimiter; end == FieldEnd::Delimiter;) {
        std::string& field = fieldAt(record.fields, count++);
        if (options_.quoting && peek() == '"') {
            quoteOffset_ = bufferOffset_ + pos_;
            quoteLine_ = line_;
            ++pos_;
            end = readQuotedField(field);
        } else {
            end = readUnquotedField(field);
        }
        if (end == FieldEnd::Unclosed || end == FieldEnd::StrayAfterQuote) return malformed(record, end);
    }
    record.fields.resize(count);
    return true;
}

// Throws, or turns `record` into the malformed one and moves to the line after
// the problem's (see next()); returns true, as a record was read.
bool DelimitedReader::malformed(DelimitedRecord& record, FieldEnd end) {
    const bool unclosed = end == FieldEnd::Unclosed;
    const long line = unclosed ? quoteLine_ : line_;
    if (!options_.recoverFromErrors) throw FileError(path_, unclosed ? kUnclosedProblem : kStrayProblem, line);
    record.fields.clear();
    record.error = unclosed ? kUnclosedProblem : kStrayProblem;
    record.line = line;
    if (unclosed) {
        // The whole rest of the file went into the field: read it again from
        // the quote's own line on.
        seekTo(quoteOffset_);
        line_ = quoteLine_;
    }
    skipRestOfLine();
    return true;
}

// Returns how the field ended: at a delimiter, or at a line end or the end of
// the file (Record).
DelimitedReader::FieldEnd DelimitedReader::readUnquotedField(std::string& field) {
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
        if (*p == delimiter) return FieldEnd::Delimiter;
        finishLine(*p);
        return FieldEnd::Record;
    }
    return FieldEnd::Record;
}

// Called after the opening quote. Leaves pos_ just after the stray character
// for StrayAfterQuote, and at the end of the file for Unclosed.
DelimitedReader::FieldEnd DelimitedReader::readQuotedField(std::string& field) {
    for (;;) {
        if (peek() == kEnd) return FieldEnd::Unclosed;
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
        if (after == kEnd) return FieldEnd::Record;
        ++pos_;
        if (after == options_.delimiter) return FieldEnd::Delimiter;
        if (after == '\n' || after == '\r') {
            finishLine(static_cast<char>(after));
            return FieldEnd::Record;
        }
        return FieldEnd::StrayAfterQuote;
    }
}

}  // namespace bertbench

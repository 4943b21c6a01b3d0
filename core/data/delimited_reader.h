// Streams records out of a delimited text file: RFC 4180 CSV (quoted fields,
// doubled quotes, delimiters and newlines inside quotes) or, with quoting off,
// TSV in the style of Python's csv.QUOTE_NONE, where '"' is an ordinary
// character (CoLA's sentences contain quotes that are not CSV quoting).
// The file is read through a fixed-size buffer, never held in memory whole.
#pragma once

#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace bertbench {

struct DelimitedRecord {
    std::vector<std::string> fields;
    long line = 0;  // 1-based physical line on which the record starts
};

struct DelimitedReaderOptions {
    char delimiter = ',';
    bool quoting = true;  // false: quotes are literal characters (TSV)
    // Called after each buffer read with the bytes read so far and the file's
    // size (0 when unknown). Returning false cancels: next() then throws
    // OperationCancelled, so a cancelled read can never pass for a short file.
    std::function<bool(uint64_t bytesRead, uint64_t totalBytes)> progress;
};

class DelimitedReader {
public:
    // Throws FileError when the file cannot be opened, UsageError for a
    // delimiter that cannot work (a line break, or '"' while quoting).
    DelimitedReader(std::string path, DelimitedReaderOptions options);

    // Reads the next record into `record`, reusing its strings' storage.
    // Returns false at the end of the file. Lines end with LF, CRLF or a lone
    // CR; a UTF-8 byte order mark at the start is skipped; blank lines outside
    // quotes hold no record and are only counted. A quoted field that is never
    // closed, or a closing quote followed by anything but a delimiter or a line
    // end, throws FileError with the offending line.
    bool next(DelimitedRecord& record);

    const std::string& path() const { return path_; }
    uint64_t totalBytes() const { return totalBytes_; }            // 0 when unknown
    uint64_t bytesParsed() const { return bufferOffset_ + pos_; }  // up to the last record returned
    long blankLines() const { return blankLines_; }

private:
    static constexpr int kEnd = -1;

    bool refill();
    int peek() { return pos_ < end_ || refill() ? static_cast<unsigned char>(buffer_[pos_]) : kEnd; }
    void skipByteOrderMark();
    bool skipBlankLine();
    void finishLine(char lineEnd);
    bool readUnquotedField(std::string& field);
    bool readQuotedField(std::string& field);

    std::string path_;
    DelimitedReaderOptions options_;
    std::ifstream in_;
    std::vector<char> buffer_;
    size_t pos_ = 0, end_ = 0;   // unread bytes are buffer_[pos_, end_)
    uint64_t bufferOffset_ = 0;  // file offset of buffer_[0]
    uint64_t totalBytes_ = 0;
    bool started_ = false;
    long line_ = 1;
    long blankLines_ = 0;
};

}  // namespace bertbench

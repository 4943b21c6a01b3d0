// Streams records out of a delimited text file: RFC 4180 CSV (quoted fields,
// doubled quotes, delimiters and newlines inside quotes) or, with quoting off,
// TSV in the style of Python's csv.QUOTE_NONE, where '"' is an ordinary
// character (CoLA's sentences contain quotes that are not CSV quoting).
// The file is read through a fixed-size buffer, never held in memory whole.
// A malformed record throws, or, with recoverFromErrors, comes back marked as
// such and reading goes on at the next physical line.
#pragma once

#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace bertbench {

struct DelimitedRecord {
    std::vector<std::string> fields;
    long line = 0;  // 1-based physical line on which the record starts (for a malformed one: see `error`)
    // Empty, or (only with DelimitedReaderOptions::recoverFromErrors) why the
    // record is malformed: the problem a FileError would have named, at `line`,
    // the line it would have named. `fields` is then empty.
    std::string error;
};

struct DelimitedReaderOptions {
    char delimiter = ',';
    bool quoting = true;  // false: quotes are literal characters (TSV)
    // Called after each buffer read with the bytes read so far and the file's
    // size (0 when unknown). Returning false cancels: next() then throws
    // OperationCancelled, so a cancelled read can never pass for a short file.
    std::function<bool(uint64_t bytesRead, uint64_t totalBytes)> progress;
    // false: a quoting error throws FileError. true: next() returns the bad
    // record with DelimitedRecord::error set and resumes at the start of the
    // physical line after the one the problem is on, so one stray quote costs
    // one record, not the rest of the file (see next()).
    bool recoverFromErrors = false;
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
    // end, throws FileError with the offending line; with recoverFromErrors it
    // is returned as a record with `error` set instead. Recovery: after a stray
    // character behind a closing quote, the rest of that line is skipped; after
    // a quote never closed, reading goes back to the line after the one the
    // quote opened on. That re-read happens at most once a file: a quote runs
    // to the end unclosed only when every later quote is one of a doubled pair,
    // and then no later quoted field can run to the end again.
    bool next(DelimitedRecord& record);

    const std::string& path() const { return path_; }
    uint64_t totalBytes() const { return totalBytes_; }            // 0 when unknown
    uint64_t bytesParsed() const { return bufferOffset_ + pos_; }  // up to the last record returned
    long blankLines() const { return blankLines_; }

private:
    static constexpr int kEnd = -1;

    // How a field ended: what comes after it, or the quoting error that stopped it.
    enum class FieldEnd { Delimiter, Record, Unclosed, StrayAfterQuote };

    bool refill();
    int peek() { return pos_ < end_ || refill() ? static_cast<unsigned char>(buffer_[pos_]) : kEnd; }
    void skipByteOrderMark();
    bool skipBlankLine();
    void finishLine(char lineEnd);
    FieldEnd readUnquotedField(std::string& field);
    FieldEnd readQuotedField(std::string& field);
    bool malformed(DelimitedRecord& record, FieldEnd end);
    void skipRestOfLine();
    void seekTo(uint64_t offset);

    std::string path_;
    DelimitedReaderOptions options_;
    std::ifstream in_;
    std::vector<char> buffer_;
    size_t pos_ = 0, end_ = 0;   // unread bytes are buffer_[pos_, end_)
    uint64_t bufferOffset_ = 0;  // file offset of buffer_[0]
    uint64_t totalBytes_ = 0;
    uint64_t progressReported_ = 0;  // the most bytes reported, which a seek back must not undo
    uint64_t quoteOffset_ = 0;      // file offset of the last opening quote
    long quoteLine_ = 0;            // and its line
    bool started_ = false;
    long line_ = 1;
    long blankLines_ = 0;
};

}  // namespace bertbench

// The exceptions the engine throws. Every message is meant for a person: it names
// the file (and line or tensor where one applies) and what is wrong with it.
// Boundaries that hand work to a user (the CLI, the GUI workers) catch
// bertbench::Error and show what(); nothing else in the engine catches them.
#pragma once

#include <stdexcept>
#include <string>

namespace bertbench {

// Base of everything the engine throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input from a file: a malformed checkpoint, vocab, config or dataset.
// what() reads "<path>[:<line>]: <problem>".
class FileError : public Error {
public:
    FileError(std::string path, std::string problem, long line = 0);

    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }
    long line() const { return line_; }  // 1-based; 0 when no line applies

private:
    std::string path_;
    std::string problem_;
    long line_;
};

// A request the engine cannot honour with valid inputs (e.g. an unknown preset,
// a device that is not available, a text pair for a model without token types).
class UsageError : public Error {
public:
    using Error::Error;
};

// A data-parallel run lost one of its processes or cannot reach them (a worker
// died, the rendezvous timed out, a port is taken, the replicas diverged). The
// CLI exits with its own code for it (5), so scripts can tell it from bad input.
class GroupError : public Error {
public:
    using Error::Error;
};

// Thrown when a caller's progress callback asks a long operation (an import,
// tokenizing, token statistics) to stop. It derives from Error so that a boundary
// catching Error stays correct, but GUI workers can catch it first and treat it
// as a user's choice rather than a failure.
class OperationCancelled : public Error {
public:
    using Error::Error;
};

}  // namespace bertbench

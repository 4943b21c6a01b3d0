// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length N, N bytes of JSON naming every tensor's dtype,
// shape and byte range, then the raw little-endian data.
// This file knows the format only, not tensors: SafetensorsFile maps a file into
// memory and validates every entry, so callers can wrap the bytes without copying.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bertbench {

enum class StDtype { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

size_t stDtypeSize(StDtype dtype);
const char* stDtypeName(StDtype dtype);

struct SafetensorsEntry {
    std::string name;
    StDtype dtype;
    std::vector<int64_t> shape;
    const std::byte* data;  // points into the mapping; valid while the file lives
    size_t bytes;
};

// A read-only memory mapping of one .safetensors file.
// The constructor throws FileError naming the file and the defect (too short,
// header length beyond the file, invalid JSON, unknown dtype, offsets out of
// range, shape and byte count disagreeing). Share it with shared_ptr to keep the
// mapping alive while tensors borrow its bytes.
class SafetensorsFile {
public:
    explicit SafetensorsFile(std::string path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::string& path() const { return path_; }
    const std::vector<SafetensorsEntry>& entries() const { return entries_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }

private:
    std::string path_;
    void* mapping_ = nullptr;
    size_t size_ = 0;
    std::vector<SafetensorsEntry> entries_;
    std::map<std::string, std::string> metadata_;
};

// One tensor to write; data must hold exactly product(shape) * size(dtype) bytes.
struct SafetensorsTensorView {
    std::string name;
    StDtype dtype;
    std::vector<int64_t> shape;
    const void* data;
};

// Writes tensors sorted by name, header padded to 8 bytes as the reference
// implementation does, atomically (temporary file + rename).
void writeSafetensors(const std::string& path, std::vector<SafetensorsTensorView> tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

}  // namespace bertbench

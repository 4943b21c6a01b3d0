#include "checkpoint/safetensors.h"

#include "common/atomic_file.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "common/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bertbench {

namespace {

struct DtypeInfo {
    StDtype dtype;
    const char* name;
    size_t size;
};

const DtypeInfo kDtypes[] = {
    {StDtype::F64, "F64", 8}, {StDtype::F32, "F32", 4}, {StDtype::F16, "F16", 2},
    {StDtype::BF16, "BF16", 2}, {StDtype::I64, "I64", 8}, {StDtype::I32, "I32", 4},
    {StDtype::I16, "I16", 2}, {StDtype::I8, "I8", 1}, {StDtype::U8, "U8", 1},
    {StDtype::Bool, "BOOL", 1},
};

const DtypeInfo& info(StDtype dtype) {
    for (const auto& d : kDtypes)
        if (d.dtype == dtype) return d;
    return kDtypes[0];
}

// Found by fuzz_safetensors: a dimension such as 2.2e20 was converted from a
// double (undefined behaviour). Only integers in range are sizes.
std::vector<int64_t> integerList(const nlohmann::json& json, const std::string& path, const std::string& what) {
    std::vector<int64_t> values;
    if (json.is_array())
        for (const auto& item : json) {
            const auto value = jsonInteger(item);
            if (!value) break;
            values.push_back(*value);
        }
    if (!json.is_array() || values.size() != json.size())
        throw FileError(path, what + " must be a list of integers, not " + jsonText(json));
    return values;
}

}  // namespace

size_t stDtypeSize(StDtype dtype) { return info(dtype).size; }
const char* stDtypeName(StDtype dtype) { return info(dtype).name; }

SafetensorsFile::SafetensorsFile(std::string path) : path_(std::move(path)) {
    int fd = ::open(path_.c_str(), O_RDONLY);
    if (fd < 0) throw FileError(path_, "cannot open the weights file");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw FileError(path_, "cannot read the file size");
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ < 8) {
        ::close(fd);
        throw FileError(path_, "truncated safetensors file: " + std::to_string(size_) +
                                   " bytes, shorter than the 8-byte header length");
    }
    mapping_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping_ == MAP_FAILED) {
        mapping_ = nullptr;
        throw FileError(path_, "cannot map the file into memory");
    }
    try {
        const auto* bytes = static_cast<const std::byte*>(mapping_);
        uint64_t headerLength = 0;
        for (int i = 7; i >= 0; --i) headerLength = (headerLength << 8) | uint64_t(bytes[i]);
        if (headerLength > size_ - 8)
            throw FileError(path_, "header length " + std::to_string(headerLength) +
                                       " reaches beyond the end of the file (" +
                                       std::to_string(size_) + " bytes): the file is truncated or not safetensors");
        const auto header =
            parseJsonText(std::string_view(reinterpret_cast<const char*>(bytes + 8), headerLength), path_);
        if (!header.is_object()) throw FileError(path_, "the header is not a JSON object");

        const std::byte* data = bytes + 8 + headerLength;
        const size_t dataSize = size_ - 8 - headerLength;
        for (const auto& [name, spec] : header.items()) {
            if (name == "__metadata__") {
                if (spec.is_object())
                    for (const auto& [k, v] : spec.items())
                        if (v.is_string()) metadata_[k] = v.get<std::string>();
                continue;
            }
            const std::string where = "tensor \"" + name + "\"";
            if (!spec.is_object() || !spec.contains("dtype") || !spec.contains("shape") ||
                !spec.contains("data_offsets"))
                throw FileError(path_, where + " lacks dtype, shape or data_offsets");
            SafetensorsEntry entry;
            entry.name = name;
            try {
                const auto dtypeName = spec.at("dtype").get<std::string>();
                const DtypeInfo* found = nullptr;
                for (const auto& d : kDtypes)
                    if (dtypeName == d.name) found = &d;
                if (!found) throw FileError(path_, where + " has unknown dtype \"" + dtypeName + "\"");
                entry.dtype = found->dtype;
                entry.shape = integerList(spec.at("shape"), path_, where + " shape");
                const auto signedOffsets = integerList(spec.at("data_offsets"), path_, where + " data_offsets");
                if (signedOffsets.size() != 2 || signedOffsets[0] < 0 || signedOffsets[1] < 0)
                    throw FileError(path_, where + " data_offsets must be [begin, end]");
                const uint64_t offsets[2] = {uint64_t(signedOffsets[0]), uint64_t(signedOffsets[1])};
                if (offsets[0] > offsets[1] || offsets[1] > dataSize)
                    throw FileError(path_, where + " data_offsets [" + std::to_string(offsets[0]) + ", " +
                                               std::to_string(offsets[1]) + "] lie outside the data section of " +
                                               std::to_string(dataSize) + " bytes");
                // Bounded by the data it must fit in, so the product cannot overflow.
                uint64_t elements = 1;
                for (int64_t d : entry.shape) {
                    if (d < 0) throw FileError(path_, where + " has a negative dimension");
                    if (d != 0 && elements > dataSize / uint64_t(d))
                        throw FileError(path_, where + " of shape " + shapeText(entry.shape) +
                                                   " has more elements than the file has bytes");
                    elements *= uint64_t(d);
                }
                entry.bytes = offsets[1] - offsets[0];
                if (elements * found->size != entry.bytes)
                    throw FileError(path_, where + " of shape " + shapeText(entry.shape) + " and dtype " +
                                               found->name + " needs " + std::to_string(elements * found->size) +
                                               " bytes, but its offsets span " + std::to_string(entry.bytes));
                entry.data = data + offsets[0];
            } catch (const nlohmann::json::exception& e) {
                throw FileError(path_, where + " has a malformed entry: " + e.what());
            }
            entries_.push_back(std::move(entry));
        }
    } catch (...) {
        ::munmap(mapping_, size_);
        mapping_ = nullptr;
        throw;
    }
}

SafetensorsFile::~SafetensorsFile() {
    if (mapping_) ::munmap(mapping_, size_);
}

void writeSafetensors(const std::string& path, std::vector<SafetensorsTensorView> tensors,
                      const std::map<std::string, std::string>& metadata) {
    std::sort(tensors.begin(), tensors.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    uint64_t offset = 0;
    std::vector<uint64_t> sizes;
    for (const auto& t : tensors) {
        uint64_t elements = 1;
        for (int64_t d : t.shape) elements *= uint64_t(d);
        const uint64_t bytes = elements * stDtypeSize(t.dtype);
        header[t.name] = {{"dtype", stDtypeName(t.dtype)},
                          {"shape", t.shape},
                          {"data_offsets", {offset, offset + bytes}}};
        sizes.push_back(bytes);
        offset += bytes;
    }
    std::string headerText = header.dump();
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    writeFileAtomically(path, [&](std::ostream& out) {
        unsigned char length[8];
        uint64_t n = headerText.size();
        for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(n >> (8 * i));
        out.write(reinterpret_cast<const char*>(length), 8);
        out.write(headerText.data(), std::streamsize(headerText.size()));
        for (size_t i = 0; i < tensors.size(); ++i)
            out.write(static_cast<const char*>(tensors[i].data), std::streamsize(sizes[i]));
    });
}

}  // namespace bertbench

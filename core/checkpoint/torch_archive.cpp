#include "checkpoint/torch_archive.h"

#include "common/errors.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace bertbench {

namespace {

uint64_t littleEndian(std::string_view bytes, size_t at, size_t width) {
    uint64_t value = 0;
    for (size_t i = width; i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

// ---- zip ---------------------------------------------------------------------

struct ZipEntry {
    std::string name;
    uint64_t offset = 0;  // of the local header
    uint64_t size = 0;    // stored, so compressed == uncompressed
    uint64_t dataStart = 0;
    uint32_t crc = 0;
};

uint32_t crc32(std::string_view bytes) {
    uint32_t crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

constexpr uint32_t kEndOfDirectory = 0x06054b50, kZip64End = 0x06064b50, kZip64Locator = 0x07064b50;
constexpr uint32_t kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50;

class ZipDirectory {
public:
    ZipDirectory(std::string_view file, const std::string& path) : file_(file), path_(path) {}

    std::vector<ZipEntry> entries() {
        const size_t end = findEndOfDirectory();
        if (littleEndian(file_, end + 4, 2) != 0 || littleEndian(file_, end + 6, 2) != 0)
            fail("a zip file split over several disks");
        uint64_t count = littleEndian(file_, end + 10, 2);
        uint64_t directorySize = littleEndian(file_, end + 12, 4);
        uint64_t directoryOffset = littleEndian(file_, end + 16, 4);
        if (count == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
            readZip64End(end, count, directorySize, directoryOffset);
        if (directoryOffset > file_.size() || directorySize > file_.size() - directoryOffset)
            fail("the zip directory lies outside the file");
        std::vector<ZipEntry> entries;
        size_t at = size_t(directoryOffset);
        const size_t limit = size_t(directoryOffset + directorySize);
        for (uint64_t i = 0; i < count; ++i) {
            need(at, 46, limit);
            if (littleEndian(file_, at, 4) != kDirectoryEntry) fail("a zip directory entry is damaged");
            const auto flags = littleEndian(file_, at + 8, 2), method = littleEndian(file_, at + 10, 2);
            // Encrypted (bits 0 and 6), patch data (5) or masked headers (13): miniz refuses them.
            if (flags & (1 | 32 | 64 | 0x2000)) fail("an entry is encrypted or patched; torch.save writes neither");
            uint64_t compressed = littleEndian(file_, at + 20, 4), size = littleEndian(file_, at + 24, 4);
            const size_t nameLength = littleEndian(file_, at + 28, 2), extraLength = littleEndian(file_, at + 30, 2),
                         commentLength = littleEndian(file_, at + 32, 2);
            uint64_t offset = littleEndian(file_, at + 42, 4);
            need(at + 46, nameLength + extraLength + commentLength, limit);
            ZipEntry entry{std::string(file_.substr(at + 46, nameLength)), offset, size, 0,
                           uint32_t(littleEndian(file_, at + 16, 4))};
            // miniz takes an entry whose DOS attributes say "directory" for one, and reads it as empty.
            if ((littleEndian(file_, at + 38, 4) & 0x10) || entry.name.empty() || entry.name.back() == '/')
                fail("zip entry \"" + entry.name + "\" is a folder; torch.save writes only files");
            readZip64Extra(file_.substr(at + 46 + nameLength, extraLength), entry, compressed);
            if (method != 0 || compressed != entry.size)
                fail("zip entry \"" + entry.name + "\" is compressed; torch.save stores entries uncompressed");
            checkLocalHeader(entry);
            entries.push_back(std::move(entry));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    std::string_view dataOf(const ZipEntry& entry) const { return file_.substr(size_t(entry.dataStart), size_t(entry.size)); }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw FileError(path_, "not a valid torch.save archive: " + problem);
    }
    void need(uint64_t at, uint64_t count, uint64_t limit) const {
        if (at > limit || count > limit - at) fail("a zip record is cut short");
    }

    size_t findEndOfDirectory() const {
        if (file_.size() < 22) fail("too short for a zip file");
        // The end record is the last 22 bytes, or earlier by a comment of up to 64 KB.
        const size_t lowest = file_.size() > 22 + 0xFFFF ? file_.size() - 22 - 0xFFFF : 0;
        for (size_t at = file_.size() - 22 + 1; at-- > lowest;)
            if (littleEndian(file_, at, 4) == kEndOfDirectory) return at;
        fail("no zip directory (the file is truncated)");
    }

    void readZip64End(size_t end, uint64_t& count, uint64_t& size, uint64_t& offset) const {
        if (end < 20 || littleEndian(file_, end - 20, 4) != kZip64Locator) fail("a zip64 record is missing");
        const uint64_t at = littleEndian(file_, end - 20 + 8, 8);
        need(at, 56, file_.size());
        if (littleEndian(file_, size_t(at), 4) != kZip64End) fail("the zip64 end record is damaged");
        count = littleEndian(file_, size_t(at) + 32, 8);
        size = littleEndian(file_, size_t(at) + 40, 8);
        offset = littleEndian(file_, size_t(at) + 48, 8);
    }

    // Zip64 extended information (id 1): the 64-bit values of the fields that read 0xFFFFFFFF.
    void readZip64Extra(std::string_view extra, ZipEntry& entry, uint64_t& compressed) const {
        for (size_t at = 0; at + 4 <= extra.size();) {
            const auto id = littleEndian(extra, at, 2), length = littleEndian(extra, at + 2, 2);
            if (at + 4 + length > extra.size()) fail("a zip extra field is cut short");
            if (id == 1) {
                size_t field = at + 4;
                auto next = [&](uint64_t& value) {
                    if (value != 0xFFFFFFFF) return;
                    if (field + 8 > at + 4 + length) fail("a zip64 field is missing");
                    value = littleEndian(extra, field, 8);
                    field += 8;
                };
                next(entry.size);
                next(compressed);
                next(entry.offset);
            }
            at += 4 + length;
        }
    }

    void checkLocalHeader(ZipEntry& entry) const {
        need(entry.offset, 30, file_.size());
        const size_t at = size_t(entry.offset);
        if (littleEndian(file_, at, 4) != kLocalHeader) fail("zip entry \"" + entry.name + "\" has no local header");
        const uint64_t start = entry.offset + 30 + littleEndian(file_, at + 26, 2) + littleEndian(file_, at + 28, 2);
        if (start > file_.size() || entry.size > file_.size() - start)
            fail("zip entry \"" + entry.name + "\" claims " + std::to_string(entry.size) +
                 " bytes, more than the file holds");
        entry.dataStart = start;
    }

    std::string_view file_;
    const std::string& path_;
};

// ---- pickle ------------------------------------------------------------------

// What the check keeps of a value: its nesting depth, and for the few kinds a
// storage reference is made of, the value itself.
struct PickleValue {
    enum class Kind { Other, Int, Text, Global, Tuple } kind = Kind::Other;
    size_t depth = 0;
    int64_t number = 0;
    std::string text;                // Text: the string; Global: "module name"
    std::vector<PickleValue> items;  // Tuple: its items, when there are at most 5
};

// Bytes per element of the storage classes torch.save names.
std::optional<uint64_t> storageElementSize(const std::string& global) {
    static const std::pair<const char*, uint64_t> kinds[] = {
        {"torch FloatStorage", 4},  {"torch DoubleStorage", 8}, {"torch HalfStorage", 2},
        {"torch BFloat16Storage", 2}, {"torch LongStorage", 8}, {"torch IntStorage", 4},
        {"torch ShortStorage", 2},  {"torch CharStorage", 1},   {"torch ByteStorage", 1},
        {"torch BoolStorage", 1},   {"torch ComplexFloatStorage", 8}, {"torch ComplexDoubleStorage", 16}};
    for (const auto& [name, size] : kinds)
        if (global == name) return size;
    return std::nullopt;
}

class PickleCheck {
public:
    PickleCheck(std::string_view bytes, const std::string& path) : bytes_(bytes), path_(path) {}

    // Bytes each storage record must hold ("data/<key>" in the archive).
    std::vector<std::pair<std::string, uint64_t>> run() {
        while (true) {
            if (at_ >= bytes_.size()) fail("it ends before its STOP opcode");
            const auto opcode = static_cast<unsigned char>(bytes_[at_++]);
            if (opcode == '.') {  // STOP
                pop(1);
                return storages_;
            }
            step(opcode);
        }
    }

private:
    using Kind = PickleValue::Kind;

    [[noreturn]] void fail(const std::string& problem) const {
        throw FileError(path_, "damaged pickle (data.pkl, byte " + std::to_string(at_) + "): " + problem);
    }

    std::string_view take(uint64_t count) {
        if (count > bytes_.size() - at_) fail("a length of " + std::to_string(count) + " bytes reaches past its end");
        const auto part = bytes_.substr(at_, size_t(count));
        at_ += size_t(count);
        return part;
    }
    uint64_t number(size_t width) { return littleEndian(take(width), 0, width); }
    std::string_view line() {
        const auto end = bytes_.find('\n', at_);
        if (end == std::string_view::npos) fail("a text argument has no line end");
        const auto text = bytes_.substr(at_, end - at_);
        at_ = end + 1;
        return text;
    }

    size_t itemsAboveMark() const { return stack_.size() - (marks_.empty() ? 0 : marks_.back()); }
    // Removes the top n values (not reaching below the innermost mark), in stack order.
    std::vector<PickleValue> pop(size_t n) {
        if (itemsAboveMark() < n) fail("an opcode takes more values than the pickle gave it");
        std::vector<PickleValue> values(std::make_move_iterator(stack_.end() - std::ptrdiff_t(n)),
                                        std::make_move_iterator(stack_.end()));
        stack_.resize(stack_.size() - n);
        return values;
    }
    std::vector<PickleValue> popToMark() {
        if (marks_.empty()) fail("an opcode needs a MARK that is not there");
        auto values = pop(itemsAboveMark());
        marks_.pop_back();
        return values;
    }
    static size_t deepest(const std::vector<PickleValue>& values) {
        size_t depth = 0;
        for (const auto& v : values) depth = std::max(depth, v.depth);
        return depth;
    }
    void push(PickleValue value) {
        if (value.depth > kMaxPickleDepth)
            fail("values nested more than " + std::to_string(kMaxPickleDepth) + " levels deep");
        stack_.push_back(std::move(value));
    }
    void pushOther(size_t depth = 0) { push(PickleValue{Kind::Other, depth, 0, {}, {}}); }
    void pushInt(int64_t value) { push(PickleValue{Kind::Int, 0, value, {}, {}}); }
    void pushText(Kind kind, std::string_view text) {
        // Only short strings can be part of a storage reference; longer ones are kept as "some value".
        if (text.size() > 256) return pushOther();
        push(PickleValue{kind, 0, 0, std::string(text), {}});
    }
    void pushTuple(std::vector<PickleValue> items) {
        const size_t depth = deepest(items) + 1;
        if (items.size() > 5) return pushOther(depth);
        push(PickleValue{Kind::Tuple, depth, 0, {}, std::move(items)});
    }
    void combine(size_t n) { pushOther(deepest(pop(n)) + 1); }  // n values become one object
    void extend(size_t depth) {                                // items added to the value below them
        auto target = pop(1);
        target[0].kind = Kind::Other;
        target[0].depth = std::max(target[0].depth, depth + 1);
        push(std::move(target[0]));
    }
    void put(uint64_t id) {
        if (stack_.empty()) fail("memoizes a value that is not there");
        if (id > memo_.size()) fail("memo index " + std::to_string(id) + " skips unused entries");
        if (id == memo_.size()) memo_.emplace_back();
        memo_[size_t(id)] = stack_.back();
    }
    void get(uint64_t id) {
        if (id >= memo_.size()) fail("memo index " + std::to_string(id) + " was never stored");
        push(memo_[size_t(id)]);
    }
    // LONG1: a little-endian two's complement integer of up to 8 bytes, as Python
    // writes numbers beyond 32 bits (element counts of large tensors).
    void longInteger(uint64_t width) {
        const auto bytes = take(width);
        if (width == 0 || width > 8) return pushOther();
        uint64_t value = littleEndian(bytes, 0, size_t(width));
        if (width < 8 && (value >> (8 * width - 1)) & 1) value |= ~uint64_t(0) << (8 * width);
        pushInt(int64_t(value));
    }
    // ('storage', torch.<Type>Storage, key, location, element count): the record
    // data/<key> must hold count elements, or LibTorch reads past its end.
    void persistentId() {
        auto id = pop(1)[0];
        if (id.kind == Kind::Tuple && !id.items.empty() && id.items[0].kind == Kind::Text && id.items[0].text == "storage") {
            const auto& items = id.items;
            if (items.size() != 5 || items[1].kind != Kind::Global || items[2].kind != Kind::Text ||
                items[4].kind != Kind::Int || items[4].number < 0)
                fail("a tensor's storage reference is not (\"storage\", type, key, location, size)");
            const auto elementSize = storageElementSize(items[1].text);
            if (!elementSize) fail("unknown storage type \"" + items[1].text + "\"");
            uint64_t bytes = 0;
            if (__builtin_mul_overflow(uint64_t(items[4].number), *elementSize, &bytes))
                fail("a storage's size overflows");
            storages_.emplace_back(items[2].text, bytes);
        }
        pushOther(id.depth);
    }

    void step(unsigned char opcode) {
        switch (opcode) {
        case 0x80: take(1); return;                      // PROTO
        case 0x95: take(8); return;                      // FRAME
        case '(': marks_.push_back(stack_.size()); return;  // MARK
        case 'N': case 0x88: case 0x89: case ')': case ']': case '}': case 0x8f: pushOther(); return;
        case 'K': pushInt(int64_t(number(1))); return;   // BININT1
        case 'M': pushInt(int64_t(number(2))); return;   // BININT2
        case 'J': pushInt(int64_t(int32_t(uint32_t(number(4))))); return;  // BININT
        case 'G': take(8); pushOther(); return;          // BINFLOAT
        case 0x8a: longInteger(number(1)); return;       // LONG1
        case 0x8b: take(number(4)); pushOther(); return; // LONG4
        case 'X': pushText(Kind::Text, take(number(4))); return;  // BINUNICODE
        case 0x8c: pushText(Kind::Text, take(number(1))); return; // SHORT_BINUNICODE
        case 0x8d: pushText(Kind::Text, take(number(8))); return; // BINUNICODE8
        case 'B': case 'T': take(number(4)); pushOther(); return; // BINBYTES, BINSTRING
        case 'C': case 'U': take(number(1)); pushOther(); return; // short forms
        case 0x8e: take(number(8)); pushOther(); return;          // BINBYTES8
        case 'I': case 'L': case 'F': case 'S': case 'V': case 'P': line(); pushOther(); return;  // text forms, PERSID
        case 'c': {                                      // GLOBAL module\nname\n
            const auto module = line();
            const auto name = line();
            pushText(Kind::Global, std::string(module) + " " + std::string(name));
            return;
        }
        case 0x93: pop(2); pushOther(); return;          // STACK_GLOBAL
        case 'q': put(number(1)); return;                // BINPUT
        case 'r': put(number(4)); return;                // LONG_BINPUT
        case 0x94: put(memo_.size()); return;            // MEMOIZE
        case 'h': get(number(1)); return;                // BINGET
        case 'j': get(number(4)); return;                // LONG_BINGET
        case 't': pushTuple(popToMark()); return;        // TUPLE
        case 'l': case 'd': case 0x91: pushOther(deepest(popToMark()) + 1); return;  // LIST DICT FROZENSET
        case 0x85: pushTuple(pop(1)); return;            // TUPLE1
        case 0x86: pushTuple(pop(2)); return;            // TUPLE2
        case 0x87: pushTuple(pop(3)); return;            // TUPLE3
        case 'a': extend(deepest(pop(1))); return;       // APPEND
        case 's': extend(deepest(pop(2))); return;       // SETITEM
        case 'e': case 'u': case 0x90: extend(deepest(popToMark())); return;  // APPENDS SETITEMS ADDITEMS
        case 'b': extend(deepest(pop(1))); return;       // BUILD
        case 'R': case 0x81: combine(2); return;         // REDUCE, NEWOBJ
        case 0x92: combine(3); return;                   // NEWOBJ_EX
        case 'Q': persistentId(); return;                // BINPERSID
        case '0': pop(1); return;                        // POP
        case '1': popToMark(); return;                   // POP_MARK
        case '2': {                                      // DUP
            auto top = pop(1);
            push(top[0]);
            push(std::move(top[0]));
            return;
        }
        default:
            fail("opcode 0x" + hex(opcode) + " is not one LibTorch reads");
        }
    }

    static std::string hex(unsigned char c) {
        const char* digits = "0123456789abcdef";
        return {digits[c >> 4], digits[c & 15]};
    }

    std::string_view bytes_;
    const std::string& path_;
    size_t at_ = 0;
    std::vector<PickleValue> stack_;
    std::vector<size_t> marks_;  // stack sizes at each MARK
    std::vector<PickleValue> memo_;
    std::vector<std::pair<std::string, uint64_t>> storages_;
};

}  // namespace

void checkPickle(std::string_view pickle, const std::string& path) { PickleCheck(pickle, path).run(); }

void checkTorchArchive(std::string_view archive, const std::string& path) {
    ZipDirectory zip(archive, path);
    const auto entries = zip.entries();
    auto fail = [&](const std::string& problem) {
        throw FileError(path, "not a valid torch.save archive: " + problem);
    };
    // LibTorch names the archive after the folder of the first entry and looks
    // every record up inside it; when its own start-up checks fail it leaks what
    // it had opened, so they are made here first.
    if (entries.empty()) fail("the zip file is empty");
    const auto slash = entries[0].name.find('/');
    if (slash == std::string::npos) fail("its first entry is not in a folder");
    const std::string prefix = entries[0].name.substr(0, slash + 1);
    auto find = [&](const std::string& name) {
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const ZipEntry& e) { return e.name == name; });
        return it == entries.end() ? nullptr : &*it;
    };
    const ZipEntry* version = find(prefix + ".data/version");
    if (!version) version = find(prefix + "version");
    if (!version) fail("it has no version record");
    const auto versionText = zip.dataOf(*version);
    if (crc32(versionText) != version->crc) fail("its version record is damaged (checksum)");
    uint64_t versionNumber = 0;
    size_t digits = 0;
    for (const char c : versionText) {
        if (c >= '0' && c <= '9' && digits < 6) {
            versionNumber = versionNumber * 10 + uint64_t(c - '0');
            ++digits;
        } else if (c != '\n' && c != ' ' && c != '\r') {
            digits = 0;
            break;
        }
    }
    // torch.save writes 3; LibTorch 1.13 reads 1 to 10.
    if (digits == 0 || versionNumber < 1 || versionNumber > 10) fail("its format version is not one LibTorch reads");
    const ZipEntry* pickle = find(prefix + "data.pkl");
    if (!pickle) fail("it has no data.pkl");
    for (const auto& [key, bytes] : PickleCheck(zip.dataOf(*pickle), path).run()) {
        if (bytes == 0) continue;  // LibTorch reads no record for an empty storage
        const ZipEntry* record = find(prefix + "data/" + key);
        if (!record) fail("storage \"" + key + "\" is missing");
        if (record->size < bytes)
            fail("storage \"" + key + "\" claims " + std::to_string(bytes) + " bytes, but the archive holds " +
                 std::to_string(record->size));
    }
}

}  // namespace bertbench

// A structural check of a torch.save zip archive (pytorch_model.bin, optimizer
// state) before LibTorch reads it. LibTorch trusts the sizes such a file
// states: a 900-byte pickle whose string length field says 1.8 GB makes it
// allocate 1.8 GB, a huge memo index makes it grow its memo table, and opcodes
// that pop more than the pickle pushed reach outside its stack. This reader
// walks the zip directory and every opcode of the pickle without building
// anything, so such a file is refused, named, before LibTorch sees it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bertbench {

// Nesting of containers in a state dict is a handful of levels; LibTorch frees
// nested values recursively, so deeper is refused before it could overflow the stack.
constexpr size_t kMaxPickleDepth = 100;

// Throws FileError(path, ...) unless `archive` is a zip whose entries are
// stored uncompressed (as torch.save writes them) and lie inside the file, and
// whose "<name>/data.pkl" is a pickle using only opcodes LibTorch reads, with
// every length inside the pickle, every memo reference to an earlier entry,
// no stack or mark underflow and nesting within kMaxPickleDepth.
void checkTorchArchive(std::string_view archive, const std::string& path);

// The same check for a pickle alone (data.pkl's bytes).
void checkPickle(std::string_view pickle, const std::string& path);

}  // namespace bertbench

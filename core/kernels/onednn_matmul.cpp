#include "kernels/onednn_matmul.h"

#include <dnnl.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace bertbench {

namespace {

using Dims = dnnl::memory::dims;
using DataType = dnnl::memory::data_type;
using Tag = dnnl::memory::format_tag;

const dnnl::engine& cpuEngine() {
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

dnnl::stream& threadStream() {
    thread_local dnnl::stream stream(cpuEngine());
    return stream;
}

// A matrix as oneDNN reads it: row-major (tag ab) or, for the transpose of a
// contiguous tensor such as weight.t(), column-major (tag ba) without a copy.
struct PlainMatrix {
    torch::Tensor tensor;
    bool columnMajor = false;
};

PlainMatrix plainMatrix(const torch::Tensor& t) {
    if (t.is_contiguous()) return {t, false};
    if (t.t().is_contiguous()) return {t, true};
    return {t.contiguous(), false};
}

dnnl::memory::desc descOf(const PlainMatrix& m) {
    return dnnl::memory::desc(Dims{m.tensor.size(0), m.tensor.size(1)}, DataType::f32, m.columnMajor ? Tag::ba : Tag::ab);
}

dnnl::memory::desc biasDesc(int64_t n) { return dnnl::memory::desc(Dims{1, n}, DataType::f32, Tag::ab); }

void* dataOf(const torch::Tensor& t) { return const_cast<void*>(t.data_ptr()); }

// M, K, N, a column-major, b column-major, bias: what makes two primitives differ.
using PrimitiveKey = std::array<int64_t, 6>;

// oneDNN's own primitive cache still builds a primitive descriptor per call
// (tens of microseconds, against a few for a small product); this one skips it.
const dnnl::matmul& cachedPrimitive(const PrimitiveKey& key, const dnnl::memory::desc& a, const dnnl::memory::desc& b,
                                    const dnnl::memory::desc* bias, const dnnl::memory::desc& out) {
    thread_local std::map<PrimitiveKey, dnnl::matmul> primitives;
    auto found = primitives.find(key);
    if (found != primitives.end()) return found->second;
    if (primitives.size() >= 1024) primitives.clear();  // bounded: lengths vary with dynamic padding
    const auto desc = bias ? dnnl::matmul::desc(a, b, *bias, out) : dnnl::matmul::desc(a, b, out);
    const dnnl::matmul::primitive_desc pd(desc, cpuEngine());
    return primitives.emplace(key, dnnl::matmul(pd)).first->second;
}

}  // namespace

torch::Tensor onednnMatmul(const torch::Tensor& aIn, const torch::Tensor& bIn, const torch::Tensor& bias) {
    TORCH_CHECK(aIn.dim() == 2 && bIn.dim() == 2 && aIn.size(1) == bIn.size(0), "onednnMatmul: shapes ",
                aIn.sizes(), " and ", bIn.sizes(), " do not multiply");
    TORCH_CHECK(aIn.scalar_type() == torch::kFloat32 && bIn.scalar_type() == torch::kFloat32 && aIn.is_cpu() &&
                    bIn.is_cpu(), "onednnMatmul takes float32 CPU tensors");
    const auto a = plainMatrix(aIn), b = plainMatrix(bIn);
    const int64_t m = aIn.size(0), k = aIn.size(1), n = bIn.size(1);
    auto out = torch::empty({m, n}, aIn.options());
    if (m == 0 || n == 0) return out;
    if (k == 0) return bias.defined() ? out.copy_(bias.expand({m, n})) : out.zero_();

    const auto aDesc = descOf(a), bDesc = descOf(b), outDesc = descOf({out, false});
    const bool hasBias = bias.defined();
    const auto biasMemoryDesc = biasDesc(n);
    const PrimitiveKey key{m, k, n, a.columnMajor, b.columnMajor, hasBias};
    const auto& primitive = cachedPrimitive(key, aDesc, bDesc, hasBias ? &biasMemoryDesc : nullptr, outDesc);

    const auto& engine = cpuEngine();
    std::unordered_map<int, dnnl::memory> args{{DNNL_ARG_SRC, dnnl::memory(aDesc, engine, dataOf(a.tensor))},
                                               {DNNL_ARG_WEIGHTS, dnnl::memory(bDesc, engine, dataOf(b.tensor))},
                                               {DNNL_ARG_DST, dnnl::memory(outDesc, engine, dataOf(out))}};
    torch::Tensor biasPlain;
    if (hasBias) {
        biasPlain = bias.contiguous();
        args.emplace(DNNL_ARG_BIAS, dnnl::memory(biasMemoryDesc, engine, dataOf(biasPlain)));
    }
    primitive.execute(threadStream(), args);
    threadStream().wait();
    return out;
}

namespace {

dnnl::memory::desc stridedDesc(const torch::Tensor& t) {
    return dnnl::memory::desc(Dims(t.sizes().begin(), t.sizes().end()), DataType::f32,
                              Dims(t.strides().begin(), t.strides().end()));
}

// Shapes and strides of a and b: what makes two batched primitives differ.
using BatchedKey = std::vector<int64_t>;

BatchedKey batchedKey(const torch::Tensor& a, const torch::Tensor& b) {
    BatchedKey key;
    for (const auto* t : {&a, &b}) {
        key.insert(key.end(), t->sizes().begin(), t->sizes().end());
        key.insert(key.end(), t->strides().begin(), t->strides().end());
    }
    return key;
}

// The primitive for these layouts, or none when oneDNN has only its slow
// reference kernel for them.
const dnnl::matmul* batchedPrimitive(const torch::Tensor& a, const torch::Tensor& b, const dnnl::memory::desc& out) {
    thread_local std::map<BatchedKey, std::optional<dnnl::matmul>> primitives;
    const auto key = batchedKey(a, b);
    auto found = primitives.find(key);
    if (found == primitives.end()) {
        if (primitives.size() >= 1024) primitives.clear();
        std::optional<dnnl::matmul> primitive;
        const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(stridedDesc(a), stridedDesc(b), out), cpuEngine());
        if (std::string(pd.impl_info_str()).rfind("ref", 0) != 0) primitive = dnnl::matmul(pd);
        found = primitives.emplace(key, std::move(primitive)).first;
    }
    return found->second ? &*found->second : nullptr;
}

}  // namespace

torch::Tensor onednnBatchedMatmul(const torch::Tensor& aIn, const torch::Tensor& bIn) {
    TORCH_CHECK(aIn.dim() >= 3 && aIn.dim() == bIn.dim() && aIn.size(-1) == bIn.size(-2) &&
                    aIn.sizes().slice(0, aIn.dim() - 2) == bIn.sizes().slice(0, bIn.dim() - 2),
                "onednnBatchedMatmul: shapes ", aIn.sizes(), " and ", bIn.sizes(), " do not multiply batch by batch");
    TORCH_CHECK(aIn.scalar_type() == torch::kFloat32 && bIn.scalar_type() == torch::kFloat32 && aIn.is_cpu() &&
                    bIn.is_cpu(), "onednnBatchedMatmul takes float32 CPU tensors");
    auto sizes = aIn.sizes().vec();
    sizes.back() = bIn.size(-1);
    auto out = torch::empty(sizes, aIn.options());
    if (out.numel() == 0) return out;
    if (aIn.size(-1) == 0) return out.zero_();
    const auto outDesc = stridedDesc(out);
    auto a = aIn, b = bIn;
    const dnnl::matmul* primitive = batchedPrimitive(a, b, outDesc);
    if (!primitive) {
        a = a.contiguous();
        b = b.contiguous();
        primitive = batchedPrimitive(a, b, outDesc);
        TORCH_CHECK(primitive, "oneDNN has no fast batched matmul for ", a.sizes(), " x ", b.sizes());
    }
    const auto& engine = cpuEngine();
    primitive->execute(threadStream(), {{DNNL_ARG_SRC, dnnl::memory(stridedDesc(a), engine, dataOf(a))},
                                        {DNNL_ARG_WEIGHTS, dnnl::memory(stridedDesc(b), engine, dataOf(b))},
                                        {DNNL_ARG_DST, dnnl::memory(outDesc, engine, dataOf(out))}});
    threadStream().wait();
    return out;
}

struct PackedWeightCache::Packed {
    const void* source = nullptr;  // the weight's storage and version when packed
    int64_t version = -1;
    int64_t rows = 0;              // the M the primitive was made for
    dnnl::memory::desc layout;
    torch::Tensor bytes;           // the reordered weight
    dnnl::matmul primitive;
};

namespace {

int64_t versionOf(const torch::Tensor& t) { return t.is_inference() ? 0 : int64_t(t._version()); }

}  // namespace

std::shared_ptr<const PackedWeightCache::Packed> PackedWeightCache::packedFor(const torch::Tensor& rows,
                                                                             const torch::Tensor& weight) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (packed_ && packed_->source == weight.data_ptr() && packed_->version == versionOf(weight) &&
        packed_->rows == rows.size(0))
        return packed_;

    const int64_t m = rows.size(0), k = weight.size(1), n = weight.size(0);
    const auto& engine = cpuEngine();
    const dnnl::memory::desc anyWeights(Dims{k, n}, DataType::f32, Tag::any);
    const dnnl::memory::desc src(Dims{m, k}, DataType::f32, Tag::ab), dst(Dims{m, n}, DataType::f32, Tag::ab);
    const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(src, anyWeights, biasDesc(n), dst), engine);

    auto packed = std::make_shared<Packed>();
    packed->source = weight.data_ptr();
    packed->version = versionOf(weight);
    packed->rows = m;
    packed->layout = pd.weights_desc();
    packed->primitive = dnnl::matmul(pd);
    // The same weight packed for another M keeps its layout more often than not:
    // then only the primitive is new.
    if (packed_ && packed_->source == packed->source && packed_->version == packed->version &&
        packed_->layout == packed->layout) {
        packed->bytes = packed_->bytes;
    } else {
        const auto transposed = plainMatrix(weight.detach().t());  // [K, N], column-major
        packed->bytes = torch::empty({int64_t(packed->layout.get_size())}, torch::kUInt8);
        dnnl::memory from(descOf(transposed), engine, dataOf(transposed.tensor));
        dnnl::memory to(packed->layout, engine, packed->bytes.data_ptr());
        dnnl::reorder(from, to).execute(threadStream(), from, to);
        threadStream().wait();
    }
    packed_ = packed;
    return packed_;
}

torch::Tensor PackedWeightCache::linear(const torch::Tensor& rowsIn, const torch::Tensor& weight,
                                        const torch::Tensor& bias) {
    const auto rows = rowsIn.contiguous();
    const auto packed = packedFor(rows, weight);
    const int64_t m = rows.size(0), k = rows.size(1), n = weight.size(0);
    auto out = torch::empty({m, n}, rows.options());
    const auto biasPlain = bias.contiguous();
    const auto& engine = cpuEngine();
    const dnnl::memory::desc src(Dims{m, k}, DataType::f32, Tag::ab), dst(Dims{m, n}, DataType::f32, Tag::ab);
    packed->primitive.execute(threadStream(),
                              {{DNNL_ARG_SRC, dnnl::memory(src, engine, dataOf(rows))},
                               {DNNL_ARG_WEIGHTS, dnnl::memory(packed->layout, engine, dataOf(packed->bytes))},
                               {DNNL_ARG_BIAS, dnnl::memory(biasDesc(n), engine, dataOf(biasPlain))},
                               {DNNL_ARG_DST, dnnl::memory(dst, engine, dataOf(out))}});
    threadStream().wait();
    return out;
}

void PackedWeightCache::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    packed_.reset();
}

}  // namespace bertbench

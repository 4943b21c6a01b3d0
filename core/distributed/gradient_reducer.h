// Sums the parameters' gradients over the ranks of a data-parallel run, as
// PyTorch's DDP does: flattened into buckets of about 25 MB (in reverse
// parameter order, roughly the order backward produces them), each bucket's
// all-reduce launched as soon as it is filled so that the transport works on
// one while the next is copied. It runs once per optimizer step, after the
// last micro-batch's backward pass (intermediate micro-batches accumulate
// locally, without communication).
//
// A parameter that got no gradient on some rank (a rank whose share of the
// batch was empty) counts as zero there; one that got none on any rank keeps
// no gradient, as in a single process, so AdamW skips it alike.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace bertbench {

class DataParallelGroup;

class GradientReducer {
public:
    GradientReducer(DataParallelGroup& group, std::vector<torch::Tensor> parameters,
                    int64_t bucketBytes = int64_t(25) << 20);

    void reduce();

    size_t bucketCount() const { return buckets_.size(); }

private:
    struct Bucket {
        std::vector<size_t> members;  // indices into parameters_
        torch::Tensor flat;
    };
    DataParallelGroup& group_;
    std::vector<torch::Tensor> parameters_;
    std::vector<Bucket> buckets_;
};

}  // namespace bertbench

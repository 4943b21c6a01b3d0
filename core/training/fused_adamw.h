// The end of an optimizer step in one pass over memory: the global gradient
// norm's clipping, AdamW's update and the zeroing of the gradients, per element.
// torch::nn::utils::clip_grad_norm_, torch::optim::AdamW::step and zero_grad
// make about ten passes over every parameter-sized array and allocate two
// temporaries per parameter each step; for BERT-base that is gigabytes of
// memory traffic a step. The arithmetic is the same as theirs, in the same
// order, on the same float32 values, and the state lives in the AdamW object
// (exp_avg, exp_avg_sq, step), so checkpoints are unchanged.
#pragma once

#include <torch/torch.h>

namespace bertbench {

// Clips the gradients of `optimizer`'s parameters to a global L2 norm of
// maxGradNorm, takes one AdamW step with each group's options and leaves the
// gradients zero. Returns the norm before clipping. Falls back to the three
// torch calls for parameters that are not contiguous float32 CPU tensors
// (CUDA, bfloat16 weights) and for amsgrad.
double clipAndStepAdamW(torch::optim::AdamW& optimizer, double maxGradNorm);

}  // namespace bertbench

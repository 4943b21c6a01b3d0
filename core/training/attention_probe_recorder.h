// AttentionProbeRecorder: the trainer's half of "attention across training".
// It picks the probe sentences once, when a run is set up, and after every
// epoch writes their attention under the current weights to the run folder
// (the file format is in attention_probes.h).
//
// The probes are TrainingOptions::attentionProbeTexts(), or else the first
// kDefaultAttentionProbes validation examples (a pair stays a pair); a run
// without either records nothing. Each is encoded once with the model's
// tokenizer, cut to kAttentionProbeTokens (or the model's maximum, when lower)
// and, in a large model, further so that a snapshot fits its size budget
// (attentionProbeTokenCap).
// Recording never changes the run: see record().
#pragma once

#include "data/dataset.h"
#include "tokenizer/tokenizer.h"
#include "training/training_options.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

struct ModelBundle;
struct AttentionProbeSnapshot;

class AttentionProbeRecorder {
public:
    // validation may be null. Throws UsageError for more probes than
    // kMaxAttentionProbes (TrainingOptions::validate says so first).
    AttentionProbeRecorder(const ModelBundle& model, const TrainingOptions& options, const Dataset* validation);

    bool empty() const { return encodings_.empty(); }

    // The model's attention on every probe as it is now: a forward pass each,
    // in eval mode without gradients, after which every module's mode and
    // torch's random state are as before (EvalModeScope), so the training
    // continues bit-identical to a run without probes.
    AttentionProbeSnapshot snapshot(ModelBundle& model, int64_t step, int64_t epoch) const;

    // Writes snapshot() to attentionProbeFile(runDir, step) and returns that
    // path; empty (and nothing written) without probes. FileError when the
    // file cannot be written.
    std::string record(ModelBundle& model, const std::string& runDir, int64_t step, int64_t epoch) const;

private:
    std::vector<std::string> texts_, pairs_;
    std::vector<Encoding> encodings_;
};

}  // namespace bertbench

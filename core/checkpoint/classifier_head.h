// Replacing a classifier's head for another label set: the explicit choice a
// user makes when a model's labels do not fit the data (CLI --new-head, the
// GUI's question), and the automatic one for a head that was never trained.
// The new head is BERT-initialised and reported in transformers' words, as
// from_pretrained(..., num_labels=N, ignore_mismatched_sizes=True) reports it.
#pragma once

#include "checkpoint/model_folder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

// Gives `model` (a sequence classifier) a new classifier layer with one output
// per label, initialised from `seed`, and `labels` as its id2label. Returns the
// warning transformers prints for it (also added to model.report).
std::string replaceClassifierHead(ModelBundle& model, const std::vector<std::string>& labels, uint64_t seed);

// Before training a classifier on data labelled `dataLabels`: a head that was
// never trained (model.classifierTrained false) takes the data's labels, and a
// new layer when their number differs; a trained head is left alone (the data
// is then fitted onto its labels). Returns what it did, for the log; empty
// when nothing changed.
std::string fitClassifierHead(ModelBundle& model, const std::vector<std::string>& dataLabels, uint64_t seed);

}  // namespace bertbench

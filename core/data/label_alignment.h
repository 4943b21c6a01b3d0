// Fitting a dataset's labels onto a classifier's labels, as transformers reads
// labels: a data label is the model's label of the same name or, when no label
// has that name and it is an integer k, the model's label id k (transformers
// takes integer labels as ids). So a dataset may hold only some of the model's
// labels, or hold them in another order, or as names instead of ids; a label
// the model does not know is an error naming the file, the line and the label.
#pragma once

#include "data/dataset.h"

#include <optional>
#include <string>
#include <vector>

namespace bertbench {

struct UnknownLabel {
    std::string name;  // the data's label
    long line = 0;     // the first example that has it
};

// The first label used by an example of `data` that `modelLabels` cannot take.
std::optional<UnknownLabel> firstUnknownLabel(const Dataset& data, const std::vector<std::string>& modelLabels);

// `data` with every example's label renumbered to the model's ids and
// labelNames set to modelLabels. Throws UsageError naming the file, line and
// label (and the labels the model knows) when a label does not fit.
Dataset alignLabels(Dataset data, const std::vector<std::string>& modelLabels);

// "unacceptable, acceptable", shortened after `limit` names.
std::string joinLabelNames(const std::vector<std::string>& names, size_t limit = 20);

}  // namespace bertbench

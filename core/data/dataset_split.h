// Splitting a dataset into training and validation parts, the same way on
// every platform for a given seed (see seeded_shuffle.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/dataset.h"

namespace bertbench {

// Positions into Dataset::examples, ascending (file order) in both parts.
struct SplitIndices {
    std::vector<size_t> train, validation;
};

struct DatasetSplit {
    Dataset train, validation;  // same source, labels and hasPairs as the whole
};

// How many examples go to validation: ceil(ratio * count), as scikit-learn's
// train_test_split (the classic CoLA notebook's 10 % of 8551 gives 856).
// Throws UsageError for a ratio outside [0, 1) or one that leaves no training
// example.
size_t validationSize(size_t count, double validationRatio);

// Shuffles the positions with the seed and takes the first validationSize()
// for validation. Stratified: each class is shuffled on its own and gives
// validation a share within one example of its share of the whole (largest
// remainders decide the rounding). Throws UsageError as validationSize(), or
// when stratified for a negative label or a dataset without label names (an
// unlabelled import).
SplitIndices splitIndices(const Dataset& dataset, double validationRatio, uint64_t seed = 2018,
                          bool stratified = false);

// The examples of splitIndices(), each part in file order. Takes the dataset by
// value: pass std::move(dataset) to move the examples instead of copying them.
DatasetSplit splitTrainValidation(Dataset dataset, double validationRatio, uint64_t seed = 2018,
                                  bool stratified = false);

}  // namespace bertbench

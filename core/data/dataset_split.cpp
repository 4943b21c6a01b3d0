// Train/validation splitting over example positions.
#include "data/dataset_split.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/errors.h"
#include "data/seeded_shuffle.h"

namespace bertbench {

namespace {
std::vector<size_t> allPositions(size_t count) {
    std::vector<size_t> positions(count);
    std::iota(positions.begin(), positions.end(), size_t{0});
    return positions;
}

// Per-class validation counts summing to `total`: each class gets the floor of
// its exact share, and the leftover examples go to the largest remainders
// (lower class id first on a tie), so no class is off by a whole example.
std::vector<size_t> classQuotas(const std::vector<size_t>& classCounts, size_t count, size_t total) {
    std::vector<size_t> quotas(classCounts.size());
    std::vector<uint64_t> remainders(classCounts.size());
    size_t assigned = 0;
    for (size_t c = 0; c < classCounts.size(); ++c) {
        const uint64_t scaled = static_cast<uint64_t>(total) * classCounts[c];
        quotas[c] = static_cast<size_t>(scaled / count);
        remainders[c] = scaled % count;
        assigned += quotas[c];
    }
    std::vector<size_t> order = allPositions(classCounts.size());
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    for (size_t k = 0; assigned < total; ++k, ++assigned) ++quotas[order[k]];
    return quotas;
}

void takeStratified(const Dataset& dataset, size_t validationCount, std::mt19937_64& rng, SplitIndices& split) {
    const std::vector<size_t> classCounts = countClasses(dataset);
    std::vector<std::vector<size_t>> byClass(classCounts.size());
    for (size_t c = 0; c < classCounts.size(); ++c) byClass[c].reserve(classCounts[c]);
    for (size_t i = 0; i < dataset.examples.size(); ++i)
        byClass[static_cast<size_t>(dataset.examples[i].label)].push_back(i);

    const std::vector<size_t> quotas = classQuotas(classCounts, dataset.examples.size(), validationCount);
    for (size_t c = 0; c < byClass.size(); ++c) {
        shuffleIndices(byClass[c], rng);
        split.validation.insert(split.validation.end(), byClass[c].begin(), byClass[c].begin() + quotas[c]);
        split.train.insert(split.train.end(), byClass[c].begin() + quotas[c], byClass[c].end());
    }
}

std::vector<Example> pick(std::vector<Example>& examples, const std::vector<size_t>& positions) {
    std::vector<Example> picked;
    picked.reserve(positions.size());
    for (size_t position : positions) picked.push_back(std::move(examples[position]));
    return picked;
}
}  // namespace

size_t validationSize(size_t count, double validationRatio) {
    if (!(validationRatio >= 0.0 && validationRatio < 1.0))
        throw UsageError("the validation ratio must be at least 0 and below 1, not " + std::to_string(validationRatio));
    const double exact = validationRatio * static_cast<double>(count);
    // Shave off floating-point error so that e.g. 0.1 * 8550 cannot become 856.
    const auto size = static_cast<size_t>(std::ceil(exact - exact * 1e-12));
    if (count > 0 && size >= count)
        throw UsageError("a validation ratio of " + std::to_string(validationRatio) + " leaves none of the " +
                         std::to_string(count) + " examples for training");
    return size;
}

SplitIndices splitIndices(const Dataset& dataset, double validationRatio, uint64_t seed, bool stratified) {
    if (stratified && dataset.labelNames.empty())
        throw UsageError("a stratified split keeps class shares, but " + dataset.source +
                         " has no labels (it was imported without a label column); split it without stratifying");
    const size_t count = dataset.examples.size();
    const size_t validationCount = validationSize(count, validationRatio);
    std::mt19937_64 rng(seed);
    SplitIndices split;
    if (stratified) {
        takeStratified(dataset, validationCount, rng, split);
    } else {
        std::vector<size_t> shuffled = allPositions(count);
        shuffleIndices(shuffled, rng);
        split.validation.assign(shuffled.begin(), shuffled.begin() + static_cast<std::ptrdiff_t>(validationCount));
        split.train.assign(shuffled.begin() + static_cast<std::ptrdiff_t>(validationCount), shuffled.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

DatasetSplit splitTrainValidation(Dataset dataset, double validationRatio, uint64_t seed, bool stratified) {
    const SplitIndices split = splitIndices(dataset, validationRatio, seed, stratified);
    DatasetSplit parts;
    for (Dataset* part : {&parts.train, &parts.validation}) {
        part->source = dataset.source;
        part->labelNames = dataset.labelNames;
        part->hasPairs = dataset.hasPairs;
    }
    parts.train.examples = pick(dataset.examples, split.train);
    parts.validation.examples = pick(dataset.examples, split.validation);
    return parts;
}

}  // namespace bertbench

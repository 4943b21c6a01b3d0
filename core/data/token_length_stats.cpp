// Token-length statistics: one fast tokenizeToIds() per text, then order
// statistics on the lengths.
#include "data/token_length_stats.h"

#include <algorithm>
#include <numeric>

#include "common/errors.h"

namespace bertbench {

namespace {
constexpr size_t kProgressEvery = 1024;  // examples between progress calls

size_t tokenLength(const Example& example, bool pairs, const Tokenizer& tokenizer) {
    const size_t textIds = tokenizer.tokenizeToIds(example.text).size();
    if (!pairs) return textIds + tokenizer.specialTokenCount(false);
    return textIds + tokenizer.tokenizeToIds(example.textPair).size() + tokenizer.specialTokenCount(true);
}

std::vector<size_t> measure(const Dataset& dataset, const Tokenizer& tokenizer,
                            const std::function<bool(double)>& progress) {
    const size_t count = dataset.examples.size();
    std::vector<size_t> lengths;
    lengths.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        if (progress && i % kProgressEvery == 0 && !progress(static_cast<double>(i) / static_cast<double>(count)))
            throw OperationCancelled("measuring token lengths of " + dataset.source + " was cancelled");
        lengths.push_back(tokenLength(dataset.examples[i], dataset.hasPairs, tokenizer));
    }
    if (progress && !progress(1.0))
        throw OperationCancelled("measuring token lengths of " + dataset.source + " was cancelled");
    return lengths;
}
}  // namespace

size_t TokenLengthStats::truncatedAt(size_t limit) const {
    if (limit == 0 || limit + 1 >= lengthCounts.size()) return 0;
    return std::accumulate(lengthCounts.begin() + static_cast<std::ptrdiff_t>(limit + 1), lengthCounts.end(), size_t{0});
}

void TokenLengthStats::setMaxLength(size_t limit) {
    maxLength = limit;
    truncated = truncatedAt(limit);
}

TokenLengthStats computeTokenLengthStats(const Dataset& dataset, const Tokenizer& tokenizer,
                                         const TokenLengthOptions& options) {
    if (options.bucketWidth == 0) throw UsageError("the token-length histogram needs a bucket width above 0");
    TokenLengthStats stats;
    stats.maxLength = options.maxLength;
    stats.bucketWidth = options.bucketWidth;

    std::vector<size_t> lengths = measure(dataset, tokenizer, options.progress);
    stats.count = lengths.size();
    if (lengths.empty()) return stats;

    const auto [min, max] = std::minmax_element(lengths.begin(), lengths.end());
    stats.min = *min;
    stats.max = *max;
    stats.mean = static_cast<double>(std::accumulate(lengths.begin(), lengths.end(), size_t{0})) /
                 static_cast<double>(stats.count);
    stats.histogram.assign(stats.max / stats.bucketWidth + 1, 0);
    stats.lengthCounts.assign(stats.max + 1, 0);
    for (size_t length : lengths) {
        ++stats.histogram[length / stats.bucketWidth];
        ++stats.lengthCounts[length];
    }
    stats.truncated = stats.truncatedAt(options.maxLength);

    std::sort(lengths.begin(), lengths.end());
    const size_t middle = stats.count / 2;
    stats.median = stats.count % 2 == 1 ? static_cast<double>(lengths[middle])
                                        : (static_cast<double>(lengths[middle - 1]) + static_cast<double>(lengths[middle])) / 2.0;
    // Nearest rank: ceil(0.95 * n), 1-based; integer arithmetic avoids 0.95's rounding.
    const size_t rank = (95 * stats.count + 99) / 100;
    stats.percentile95 = lengths[rank - 1];
    return stats;
}

}  // namespace bertbench

// How long a dataset's examples are in BERT tokens, [CLS] and [SEP] included,
// before any truncation: for choosing max_length, for the GUI's histogram and
// for the import report.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "data/dataset.h"
#include "tokenizer/tokenizer.h"

namespace bertbench {

struct TokenLengthOptions {
    size_t maxLength = 128;  // examples longer than this are counted as truncated; 0 = no limit
    size_t bucketWidth = 8;  // histogram bucket width in tokens, > 0
    // Fraction of examples measured so far; returning false cancels with OperationCancelled.
    std::function<bool(double fraction)> progress;
};

struct TokenLengthStats {
    size_t count = 0;  // examples measured
    size_t min = 0, max = 0;
    double mean = 0, median = 0;  // median: mean of the two middle lengths when count is even
    size_t percentile95 = 0;      // nearest rank: the smallest length >= 95 % of the lengths
    size_t maxLength = 0;         // as in the options
    size_t truncated = 0;         // examples longer than maxLength
    size_t bucketWidth = 0;
    // histogram[i] counts lengths in [i * bucketWidth, (i + 1) * bucketWidth);
    // the last bucket holds max, so the buckets sum to count.
    std::vector<size_t> histogram;
    // Examples per exact length (index = length), so the truncated share can be
    // told again for another max length without measuring the texts again.
    std::vector<size_t> lengthCounts;

    size_t truncatedAt(size_t maxLength) const;  // examples longer than maxLength; 0 = no limit
    void setMaxLength(size_t maxLength);         // maxLength and truncated as if measured with it
};

// Lengths are those encode()/encodePair() would give untruncated: text plus 2,
// or text plus pair plus 3. Throws UsageError for a zero bucket width.
TokenLengthStats computeTokenLengthStats(const Dataset& dataset, const Tokenizer& tokenizer,
                                         const TokenLengthOptions& options = {});

}  // namespace bertbench

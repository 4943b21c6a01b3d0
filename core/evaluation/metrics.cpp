// Metrics derived from a confusion matrix. Everything is computed from the
// matrix alone, so batch-by-batch accumulation and one-shot computation agree
// exactly.
#include "evaluation/metrics.h"

#include <cmath>
#include <set>

#include "common/errors.h"

namespace bertbench {

namespace {

// The shared ratio rule: an empty denominator gives 0 (sklearn's zero_division=0),
// so a class never predicted, or never present, scores 0 rather than NaN.
double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
}

void checkLabel(int label, int numClasses, const char* which) {
    if (label < 0 || label >= numClasses)
        throw UsageError(std::string(which) + " label " + std::to_string(label) +
                         " is out of range: the model has " + std::to_string(numClasses) +
                         " classes (ids 0.." + std::to_string(numClasses - 1) + ")");
}

struct Marginals {
    std::vector<int64_t> trueCounts, predictedCounts;
    int64_t correct = 0, samples = 0;
};

Marginals marginalsOf(const std::vector<std::vector<int64_t>>& confusion) {
    const size_t n = confusion.size();
    Marginals m{std::vector<int64_t>(n, 0), std::vector<int64_t>(n, 0)};
    for (size_t t = 0; t < n; ++t) {
        for (size_t p = 0; p < n; ++p) {
            m.trueCounts[t] += confusion[t][p];
            m.predictedCounts[p] += confusion[t][p];
        }
        m.correct += confusion[t][t];
    }
    for (int64_t count : m.trueCounts) m.samples += count;
    return m;
}

// (tp*tn - fp*fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)), class 1 as positive.
// Doubles throughout: the products overflow int64 for a few million examples.
double binaryMcc(const std::vector<std::vector<int64_t>>& c) {
    const double tn = c[0][0], fp = c[0][1], fn = c[1][0], tp = c[1][1];
    const double denominator = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
    return denominator == 0 ? 0.0 : (tp * tn - fp * fn) / std::sqrt(denominator);
}

// Gorodkin's R_K: (c*s - Σ p_k t_k) / sqrt((s² - Σ p_k²)(s² - Σ t_k²)).
double multiClassMcc(const Marginals& m) {
    const double s = static_cast<double>(m.samples);
    double sumPT = 0, sumPP = 0, sumTT = 0;
    for (size_t k = 0; k < m.trueCounts.size(); ++k) {
        const double p = static_cast<double>(m.predictedCounts[k]);
        const double t = static_cast<double>(m.trueCounts[k]);
        sumPT += p * t;
        sumPP += p * p;
        sumTT += t * t;
    }
    const double denominator = (s * s - sumPP) * (s * s - sumTT);
    return denominator == 0 ? 0.0
                            : (static_cast<double>(m.correct) * s - sumPT) / std::sqrt(denominator);
}

ClassMetrics classMetrics(int64_t truePositives, int64_t predicted, int64_t support) {
    ClassMetrics c;
    c.precision = ratio(static_cast<double>(truePositives), static_cast<double>(predicted));
    c.recall = ratio(static_cast<double>(truePositives), static_cast<double>(support));
    c.f1 = ratio(2 * c.precision * c.recall, c.precision + c.recall);
    c.support = support;
    return c;
}

ClassificationMetrics metricsFromConfusion(const std::vector<std::vector<int64_t>>& confusion) {
    const Marginals marginals = marginalsOf(confusion);
    ClassificationMetrics m;
    m.confusion = confusion;
    m.count = marginals.samples;
    m.accuracy = ratio(static_cast<double>(marginals.correct), static_cast<double>(m.count));
    m.mcc = confusion.size() == 2 ? binaryMcc(confusion) : multiClassMcc(marginals);

    for (size_t k = 0; k < confusion.size(); ++k) {
        m.perClass.push_back(
            classMetrics(confusion[k][k], marginals.predictedCounts[k], marginals.trueCounts[k]));
        m.precisionMacro += m.perClass.back().precision;
        m.recallMacro += m.perClass.back().recall;
        m.f1Macro += m.perClass.back().f1;
    }
    // Macro averages count every class, including ones absent from this data.
    const double classes = static_cast<double>(confusion.size());
    m.precisionMacro /= classes;
    m.recallMacro /= classes;
    m.f1Macro /= classes;
    return m;
}

std::string validMetricNames() {
    std::string list;
    for (const std::string& name : metricNames()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

[[noreturn]] void unknownMetric(const std::string& name) {
    throw UsageError("unknown metric \"" + name + "\"; valid metrics: " + validMetricNames());
}

}  // namespace

MetricsAccumulator::MetricsAccumulator(int numClasses) {
    if (numClasses < 1)
        throw UsageError("metrics need at least one class, got " + std::to_string(numClasses));
    confusion_.assign(static_cast<size_t>(numClasses),
                      std::vector<int64_t>(static_cast<size_t>(numClasses), 0));
}

void MetricsAccumulator::add(int trueLabel, int predictedLabel) {
    checkLabel(trueLabel, numClasses(), "true");
    checkLabel(predictedLabel, numClasses(), "predicted");
    ++confusion_[static_cast<size_t>(trueLabel)][static_cast<size_t>(predictedLabel)];
}

void MetricsAccumulator::addLoss(double lossSum, int64_t examples) {
    if (examples < 0)
        throw UsageError("a loss cannot cover a negative number of examples (" +
                         std::to_string(examples) + ")");
    lossSum_ += lossSum;
    lossExamples_ += examples;
}

ClassificationMetrics MetricsAccumulator::result() const {
    ClassificationMetrics m = metricsFromConfusion(confusion_);
    m.loss = ratio(lossSum_, static_cast<double>(lossExamples_));
    return m;
}

ClassificationMetrics computeMetrics(const std::vector<int>& trueLabels,
                                     const std::vector<int>& predicted, int numClasses) {
    if (trueLabels.size() != predicted.size())
        throw UsageError("metrics need one prediction per example: " +
                         std::to_string(trueLabels.size()) + " true labels but " +
                         std::to_string(predicted.size()) + " predictions");
    MetricsAccumulator accumulator(numClasses);
    for (size_t i = 0; i < trueLabels.size(); ++i) accumulator.add(trueLabels[i], predicted[i]);
    return accumulator.result();
}

const std::vector<std::string>& metricNames() {
    static const std::vector<std::string> names{"accuracy", "mcc", "f1", "loss"};
    return names;
}

double metricValue(const ClassificationMetrics& m, const std::string& name) {
    if (name == "accuracy") return m.accuracy;
    if (name == "mcc") return m.mcc;
    if (name == "f1") return m.f1Macro;
    if (name == "loss") return m.loss;
    unknownMetric(name);
}

bool higherIsBetter(const std::string& name) {
    if (name == "loss") return false;
    if (name == "accuracy" || name == "mcc" || name == "f1") return true;
    unknownMetric(name);
}

nlohmann::json metricsToJson(const ClassificationMetrics& m,
                             const std::vector<std::string>& labelNames) {
    if (m.perplexity > 0) return {{"loss", m.loss}, {"perplexity", m.perplexity}, {"count", m.count}};
    std::vector<std::string> names = labelNames;
    if (names.empty())
        for (size_t k = 0; k < m.perClass.size(); ++k) names.push_back(std::to_string(k));
    if (names.size() != m.perClass.size())
        throw UsageError("metrics have " + std::to_string(m.perClass.size()) +
                         " classes but " + std::to_string(names.size()) + " label names");
    // per_class is keyed by name, so two equal names would silently merge.
    if (std::set<std::string>(names.begin(), names.end()).size() != names.size())
        throw UsageError("label names must be unique to report per-class metrics");

    nlohmann::json perClass = nlohmann::json::object();
    for (size_t k = 0; k < names.size(); ++k) {
        const ClassMetrics& c = m.perClass[k];
        perClass[names[k]] = {{"precision", c.precision},
                              {"recall", c.recall},
                              {"f1", c.f1},
                              {"support", c.support}};
    }
    return {{"accuracy", m.accuracy},
            {"mcc", m.mcc},
            {"f1_macro", m.f1Macro},
            {"precision_macro", m.precisionMacro},
            {"recall_macro", m.recallMacro},
            {"loss", m.loss},
            {"count", m.count},
            {"labels", names},
            {"per_class", perClass},
            {"confusion_matrix", m.confusion}};
}

}  // namespace bertbench

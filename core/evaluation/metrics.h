// Classification metrics for evaluating a fine-tuned classifier: accuracy,
// Matthews correlation, per-class and macro precision/recall/F1, the confusion
// matrix and the mean loss. Definitions follow scikit-learn (zero_division=0,
// MCC 0 when undefined) so numbers can be compared with published results.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bertbench {

struct ClassMetrics {
    double precision = 0, recall = 0, f1 = 0;
    int64_t support = 0;  // true examples of this class
};

struct ClassificationMetrics {
    int64_t count = 0;
    double accuracy = 0;
    // Matthews correlation: the binary formula for 2 classes, Gorodkin's R_K
    // otherwise (both equal sklearn.metrics.matthews_corrcoef); 0 when undefined.
    double mcc = 0;
    double f1Macro = 0, precisionMacro = 0, recallMacro = 0;
    std::vector<ClassMetrics> perClass;           // index = label id
    std::vector<std::vector<int64_t>> confusion;  // confusion[true][predicted]
    double loss = 0;                              // mean loss if provided, else 0
    // A masked-LM evaluation's exp(loss), at least 1 (loss and count are set,
    // nothing else is); 0 for a classifier's.
    double perplexity = 0;
};

// Accumulates predictions batch by batch (the trainer evaluates in batches).
class MetricsAccumulator {
public:
    // At least one class; a single class is degenerate (MCC 0) but allowed.
    explicit MetricsAccumulator(int numClasses);

    // Throws UsageError for a label outside [0, numClasses).
    void add(int trueLabel, int predictedLabel);
    // lossSum is the sum of per-example losses over `examples` examples;
    // result().loss is the total sum over the total examples.
    void addLoss(double lossSum, int64_t examples);

    int numClasses() const { return static_cast<int>(confusion_.size()); }
    ClassificationMetrics result() const;

private:
    std::vector<std::vector<int64_t>> confusion_;
    double lossSum_ = 0;
    int64_t lossExamples_ = 0;
};

// Throws UsageError when the vectors differ in length or a label is out of range.
ClassificationMetrics computeMetrics(const std::vector<int>& trueLabels,
                                     const std::vector<int>& predicted, int numClasses);

// A metric by name for early stopping and reporting: "accuracy", "mcc",
// "f1" (macro F1) or "loss" (lower is better). Unknown names throw UsageError
// listing the valid ones.
double metricValue(const ClassificationMetrics& m, const std::string& name);
bool higherIsBetter(const std::string& name);
const std::vector<std::string>& metricNames();

// {"accuracy","mcc","f1_macro","precision_macro","recall_macro","loss","count",
//  "labels":[names in id order],"per_class":{name:{precision,recall,f1,support}},
//  "confusion_matrix":[[...]]} with rows = true label, columns = predicted.
// labelNames must have one unique name per class, or be empty to use the ids.
// A masked-LM evaluation (perplexity above 0) gives {"loss","perplexity","count"}
// and ignores labelNames.
nlohmann::json metricsToJson(const ClassificationMetrics& m,
                             const std::vector<std::string>& labelNames);

}  // namespace bertbench

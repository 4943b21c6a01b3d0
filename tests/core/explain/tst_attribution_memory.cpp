// A 512-token input's integrated gradients keep memory flat: the
// interpolation goes in passes bounded by kAttributionScoreBudget, so the peak
// resident memory grows by less than kPeakBoundMiB above what the model holds.
// In its own executable, so nothing else has raised the peak before.
#include "checkpoint/model_folder.h"
#include "explain/token_attributor.h"
#include "fixtures.h"

#include <QtTest>

#include <fstream>
#include <memory>
#include <string>

using namespace bertbench;

namespace {

constexpr double kPeakBoundMiB = 192;

// VmHWM, the peak resident set, in MiB.
double peakResidentMiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

// Resets VmHWM to the current resident set (Linux: "5" to clear_refs).
bool resetPeak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return bool(clear);
}

}  // namespace

class TestAttributionMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void longInputsStayUnderTheBound() {
        const auto tokenizer = loadModelFolder(fixtures::path("reference/tiny-bert-cola")).tokenizer;
        auto model = std::make_shared<ModelBundle>(createPresetModel("tiny", tokenizer, {"no", "yes"}));
        QCOMPARE(model->maxLength, int64_t(512));
        std::string text;
        for (int i = 0; i < 600; ++i) text += "word ";
        const TokenAttributor attributor(model);
        ExplainRequest request;
        request.text = text;
        request.steps = 50;
        QVERIFY(resetPeak());
        const double before = peakResidentMiB();
        const auto a = attributor.explain(request);
        const double grown = peakResidentMiB() - before;
        QCOMPARE(a.scores.size(), size_t(512));
        QVERIFY(a.prediction.truncated());
        QVERIFY(a.forwardPasses > 2);  // the 51 points did not go in one pass
        qInfo("peak resident memory grew by %.0f MiB for a 512-token input (bound %.0f MiB)", grown, kPeakBoundMiB);
        QVERIFY2(before > 0 && grown < kPeakBoundMiB, qPrintable(QString("grew by %1 MiB").arg(grown)));
    }
};

QTEST_GUILESS_MAIN(TestAttributionMemory)
#include "tst_attribution_memory.moc"

// Token attributions on the reference classifiers: integrated gradients'
// completeness (the scores add up to how far the class probability moved from
// the baseline), batching that changes nothing, gradient × input against a
// finite difference, and rollout against a direct computation from the
// attentions transformers computed (expected/predict.jsonl).
#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "explain/attention_rollout.h"
#include "explain/token_attributor.h"
#include "fixtures.h"
#include "inference/predictor.h"

#include <QtTest>

#include <cmath>
#include <memory>

using namespace bertbench;

namespace {

std::shared_ptr<ModelBundle> load(const std::string& name) {
    return std::make_shared<ModelBundle>(loadModelFolder(fixtures::path("reference/" + name)));
}

const std::vector<std::string> kTexts = {"The sailors rode the breeze clear of the rocks.", "Him left.",
                                         "The more you read, the more you understand."};

double sum(const std::vector<float>& v) {
    double s = 0;
    for (const float x : v) s += x;
    return s;
}

// The rollout of [CLS], straight from the definition with full matrices.
std::vector<double> directRollout(const nlohmann::json& attentions) {
    const size_t t = attentions[0][0].size();
    std::vector<std::vector<double>> rollout;
    for (const auto& layer : attentions) {
        std::vector<std::vector<double>> a(t, std::vector<double>(t, 0.0));
        for (const auto& head : layer)
            for (size_t i = 0; i < t; ++i)
                for (size_t j = 0; j < t; ++j) a[i][j] += head[i][j].get<double>() / double(layer.size());
        for (size_t i = 0; i < t; ++i) {
            a[i][i] += 1.0;
            double rowSum = 0;
            for (size_t j = 0; j < t; ++j) rowSum += a[i][j];
            for (size_t j = 0; j < t; ++j) a[i][j] /= rowSum;
        }
        if (rollout.empty()) {
            rollout = a;
            continue;
        }
        std::vector<std::vector<double>> product(t, std::vector<double>(t, 0.0));
        for (size_t i = 0; i < t; ++i)
            for (size_t k = 0; k < t; ++k)
                for (size_t j = 0; j < t; ++j) product[i][j] += a[i][k] * rollout[k][j];
        rollout = product;
    }
    return rollout[0];
}

}  // namespace

class TestAttributions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void integratedGradientsAreComplete_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("bound");
        for (const char* model : {"tiny-bert-cola", "tiny-distilbert-cola", "tiny-roberta-cola"}) {
            QTest::newRow((std::string(model) + " 300 steps").c_str()) << QString(model) << 300 << 0.01;
            QTest::newRow((std::string(model) + " 50 steps").c_str()) << QString(model) << 50 << 0.05;
        }
    }
    void integratedGradientsAreComplete() {
        QFETCH(QString, model);
        QFETCH(int, steps);
        QFETCH(double, bound);
        const TokenAttributor attributor(load(model.toStdString()));
        for (const auto& text : kTexts) {
            ExplainRequest request;
            request.text = text;
            request.steps = steps;
            const auto a = attributor.explain(request);
            QCOMPARE(a.scores.size(), a.prediction.tokens.size());
            QVERIFY(a.completenessGap && a.output && a.baselineOutput);
            QVERIFY(std::abs(*a.output - a.prediction.probabilities[size_t(a.classId)]) < 1e-6);
            const double moved = std::abs(*a.output - *a.baselineOutput);
            QVERIFY2(moved > 1e-4, "the baseline must move the probability for the test to mean anything");
            QVERIFY2(*a.completenessGap < bound * moved,
                     qPrintable(QString("%1: gap %2 of %3").arg(text.c_str()).arg(*a.completenessGap).arg(moved)));
            // (the scores are floats: their sum is as exact as 1e-6)
            QVERIFY(std::abs(*a.completenessGap - std::abs(sum(a.scores) - (*a.output - *a.baselineOutput))) < 1e-6);
        }
    }

    void batchingDoesNotChangeAttributions() {
        const TokenAttributor attributor(load("tiny-bert-cola"));
        ExplainRequest request;
        request.text = kTexts[0];
        request.pointsPerBatch = 1;
        const auto onePerPass = attributor.explain(request);
        request.pointsPerBatch = 51;
        const auto allInOne = attributor.explain(request);
        request.pointsPerBatch = 7;
        const auto sevens = attributor.explain(request);
        QCOMPARE(onePerPass.forwardPasses - 51, allInOne.forwardPasses - 1);
        for (size_t i = 0; i < onePerPass.scores.size(); ++i) {
            QVERIFY(std::abs(onePerPass.scores[i] - allInOne.scores[i]) < 1e-6);
            QVERIFY(std::abs(onePerPass.scores[i] - sevens.scores[i]) < 1e-6);
        }
    }

    // Two classes: p₀ = 1 − p₁, so class 0's attributions are class 1's negated.
    void theChosenClassIsExplained() {
        const TokenAttributor attributor(load("tiny-bert-cola"));
        ExplainRequest request;
        request.text = kTexts[1];
        request.classLabel = "acceptable";
        const auto acceptable = attributor.explain(request);
        request.classLabel = "unacceptable";
        const auto unacceptable = attributor.explain(request);
        QCOMPARE(acceptable.classLabel, std::string("acceptable"));
        QCOMPARE(acceptable.classId, 1);
        for (size_t i = 0; i < acceptable.scores.size(); ++i)
            QVERIFY(std::abs(acceptable.scores[i] + unacceptable.scores[i]) < 1e-5);
        request.classLabel = "grammatical";
        try {
            attributor.explain(request);
            QFAIL("an unknown class must be refused");
        } catch (const UsageError& e) {
            QVERIFY(std::string(e.what()).find("unacceptable, acceptable") != std::string::npos);
        }
    }

    // Σ gradient × input is the derivative of f((1 + ε)·x) at ε = 0.
    void gradientTimesInputIsTheDirectionalDerivative() {
        const auto model = load("tiny-bert-cola");
        const TokenAttributor attributor(model);
        ExplainRequest request;
        request.text = kTexts[0];
        request.method = AttributionMethod::GradientTimesInput;
        const auto a = attributor.explain(request);
        QVERIFY(!a.completenessGap);

        torch::NoGradGuard noGrad;
        model->module().eval();
        ModelInputs inputs;
        inputs.inputIds = torch::tensor(std::vector<int64_t>(a.prediction.inputIds.begin(), a.prediction.inputIds.end()))
                              .unsqueeze(0);
        ForwardOptions states;
        states.hiddenStates = true;
        const auto x = model->model->forward(inputs, states).encoder.hiddenStates[0].to(torch::kFloat64);
        model->module().to(torch::kFloat64);
        auto f = [&](double scale) {
            inputs.embeddingOutput = x * scale;
            return torch::softmax(model->model->forward(inputs).logits, -1)[0][a.classId].item<double>();
        };
        constexpr double eps = 1e-5;
        const double derivative = (f(1 + eps) - f(1 - eps)) / (2 * eps);
        QVERIFY2(std::abs(sum(a.scores) - derivative) < 1e-4 * std::max(1.0, std::abs(derivative)),
                 qPrintable(QString("%1 against %2").arg(sum(a.scores)).arg(derivative)));
    }

    void rolloutMatchesTheReferenceAttentions() {
        const TokenAttributor attributor(load("tiny-bert-cola"));
        int checked = 0;
        for (const auto& row : fixtures::readJsonLines("reference/tiny-bert-cola/expected/predict.jsonl")) {
            if (!row.contains("attentions")) continue;
            ExplainRequest request;
            request.text = row.at("text").get<std::string>();
            request.method = AttributionMethod::AttentionRollout;
            const auto a = attributor.explain(request);
            const auto expected = directRollout(row.at("attentions"));
            QCOMPARE(a.scores.size(), expected.size());
            for (size_t j = 0; j < expected.size(); ++j) QVERIFY(std::abs(a.scores[j] - expected[j]) < 1e-4);
            QVERIFY(std::abs(sum(a.scores) - 1.0) < 1e-5);  // each row of the rollout is a distribution
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    void pairsAndHeadMasksReachTheModel() {
        const auto model = load("tiny-bert-cola");
        const TokenAttributor attributor(model);
        ExplainRequest request;
        request.text = "The boy ate the apple.";
        request.pair = "Apple the boy ate the.";
        request.headMask = parseHeadList("0:1,1:0,1:2", 2, 4);
        const auto a = attributor.explain(request);
        QCOMPARE(a.prediction.pair, request.pair);
        QVERIFY(std::count(a.prediction.tokenTypeIds.begin(), a.prediction.tokenTypeIds.end(), 1) > 0);
        const auto masked = Predictor(model).predict(PredictRequest{request.text, request.pair, false, request.headMask});
        const auto unmasked = Predictor(model).predict(PredictRequest{request.text, request.pair, false, {}});
        QCOMPARE(a.prediction.logits, masked.logits);
        QVERIFY(masked.logits != unmasked.logits);
        QVERIFY(*a.completenessGap < 0.05 * std::abs(*a.output - *a.baselineOutput));
    }

    void badRequestsAreRefused() {
        const TokenAttributor attributor(load("tiny-bert-cola"));
        ExplainRequest request;
        request.text = "Him left.";
        request.steps = 0;
        QVERIFY_THROWS_EXCEPTION(UsageError, attributor.explain(request));
        request.steps = 50;
        request.headMask = HeadMask::allOn(3, 4);
        QVERIFY_THROWS_EXCEPTION(UsageError, attributor.explain(request));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseAttributionMethod("shap"));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseHeadList("0:4", 2, 4));
        QVERIFY_THROWS_EXCEPTION(UsageError, parseHeadList("0-1", 2, 4));
        QCOMPARE(headListOf(parseHeadList("1:3,0:0", 2, 4)), std::string("0:0,1:3"));
    }
};

QTEST_GUILESS_MAIN(TestAttributions)
#include "tst_attributions.moc"

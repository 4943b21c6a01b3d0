// The fused clip + AdamW + zero_grad pass against torch's own three calls:
// the same weights, moments and step counts after several steps, with and
// without clipping, with and without weight decay, and a state that torch's
// AdamW continues from (checkpoints store it).
#include "training/fused_adamw.h"

#include <QtTest>

#include <torch/torch.h>

namespace {

struct Setup {
    std::vector<torch::Tensor> decayed, plain;
    std::unique_ptr<torch::optim::AdamW> optimizer;
};

Setup makeSetup(double learningRate) {
    torch::manual_seed(3);
    Setup s;
    s.decayed = {torch::randn({64, 48}).requires_grad_(), torch::randn({70000}).requires_grad_()};
    s.plain = {torch::randn({48}).requires_grad_()};
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(s.decayed, std::make_unique<torch::optim::AdamWOptions>(
                                        torch::optim::AdamWOptions(learningRate).weight_decay(0.01)));
    groups.emplace_back(s.plain, std::make_unique<torch::optim::AdamWOptions>(
                                      torch::optim::AdamWOptions(learningRate).weight_decay(0.0)));
    s.optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(learningRate));
    return s;
}

void setGradients(Setup& s, int step, double scale) {
    torch::manual_seed(100 + step);
    for (auto* list : {&s.decayed, &s.plain})
        for (auto& p : *list) p.mutable_grad() = torch::randn(p.sizes()) * scale;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

}  // namespace

class TestFusedAdamW : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesClipStepAndZeroGrad_data() {
        QTest::addColumn<double>("maxNorm");
        QTest::addColumn<double>("gradientScale");
        QTest::newRow("clipping") << 1.0 << 1.0;
        QTest::newRow("below the bound") << 1e30 << 0.01;
    }
    void matchesClipStepAndZeroGrad() {
        QFETCH(double, maxNorm);
        QFETCH(double, gradientScale);
        auto fused = makeSetup(1e-3), reference = makeSetup(1e-3);
        for (int step = 0; step < 5; ++step) {
            setGradients(fused, step, gradientScale);
            setGradients(reference, step, gradientScale);
            std::vector<torch::Tensor> all = reference.decayed;
            all.insert(all.end(), reference.plain.begin(), reference.plain.end());
            const double expectedNorm = torch::nn::utils::clip_grad_norm_(all, maxNorm);
            reference.optimizer->step();
            reference.optimizer->zero_grad();
            const double norm = bertbench::clipAndStepAdamW(*fused.optimizer, maxNorm);
            QCOMPARE(norm, expectedNorm);
        }
        for (auto list : {std::make_pair(&fused.decayed, &reference.decayed), std::make_pair(&fused.plain, &reference.plain)})
            for (size_t i = 0; i < list.first->size(); ++i) {
                const auto& p = (*list.first)[i];
                const auto& q = (*list.second)[i];
                // Weights of magnitude up to ~4 agree to a few float32 ulps (ATen contracts
                // a*b+c into one FMA where this loop rounds twice), far below a step (lr 1e-3).
                QVERIFY2(maxDiff(p, q) < 5e-6, qPrintable(QString::number(maxDiff(p, q))));
                QCOMPARE(p.grad().abs().max().item<double>(), 0.0);
                const auto key = c10::guts::to_string(p.unsafeGetTensorImpl());
                const auto keyReference = c10::guts::to_string(q.unsafeGetTensorImpl());
                auto& state = static_cast<torch::optim::AdamWParamState&>(*fused.optimizer->state().at(key));
                auto& expected = static_cast<torch::optim::AdamWParamState&>(*reference.optimizer->state().at(keyReference));
                QCOMPARE(state.step(), expected.step());
                QVERIFY(maxDiff(state.exp_avg(), expected.exp_avg()) < 1e-7);
                QVERIFY(maxDiff(state.exp_avg_sq(), expected.exp_avg_sq()) < 1e-9);
            }
    }

    void torchContinuesFromTheFusedState() {
        auto fused = makeSetup(1e-3), reference = makeSetup(1e-3);
        setGradients(fused, 0, 1.0);
        setGradients(reference, 0, 1.0);
        bertbench::clipAndStepAdamW(*fused.optimizer, 1e30);
        reference.optimizer->step();
        setGradients(fused, 1, 1.0);
        setGradients(reference, 1, 1.0);
        fused.optimizer->step();  // torch's step finds the state the fused one made
        reference.optimizer->step();
        QCOMPARE(fused.optimizer->state().size(), size_t(3));
        QVERIFY(maxDiff(fused.decayed[0], reference.decayed[0]) < 1e-6);
    }

    void parametersWithoutGradientsAreLeftAlone() {
        auto s = makeSetup(1e-3);
        setGradients(s, 0, 1.0);
        s.plain[0].mutable_grad() = torch::Tensor();
        const auto before = s.plain[0].detach().clone();
        bertbench::clipAndStepAdamW(*s.optimizer, 1.0);
        QVERIFY(torch::equal(before, s.plain[0].detach()));
        QCOMPARE(s.optimizer->state().size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestFusedAdamW)
#include "tst_fused_adamw.moc"

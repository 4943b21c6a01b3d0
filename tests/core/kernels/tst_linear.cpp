// The linear layers' and attention's oneDNN products against torch's (OpenBLAS):
// the forward pass, every gradient, strided views, the packed weights of thin
// inference and their renewal when the weight changes, and the backend's choice.
#include "common/errors.h"
#include "kernels/batched_matmul.h"
#include "kernels/linear.h"
#include "kernels/matmul_backend.h"
#include "kernels/onednn_matmul.h"

#include <QtTest>

#include <torch/torch.h>

#include <cstdlib>

using namespace bertbench;

namespace {

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// Float32 sums of K products differ by rounding with the summation order;
// relative to the inputs' scale, 1e-5 is far above that and far below a wrong product.
constexpr double kTolerance = 1e-4;

}  // namespace

class TestLinear : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void matmulOfEveryLayout_data() {
        QTest::addColumn<bool>("transposeA");
        QTest::addColumn<bool>("transposeB");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("plain") << false << false << false;
        QTest::newRow("b transposed, bias") << false << true << true;
        QTest::newRow("a transposed") << true << false << false;
        QTest::newRow("both transposed, bias") << true << true << true;
    }
    void matmulOfEveryLayout() {
        QFETCH(bool, transposeA);
        QFETCH(bool, transposeB);
        QFETCH(bool, withBias);
        const int64_t m = 37, k = 53, n = 29;
        auto a = transposeA ? torch::randn({k, m}).t() : torch::randn({m, k});
        auto b = transposeB ? torch::randn({n, k}).t() : torch::randn({k, n});
        auto bias = withBias ? torch::randn({n}) : torch::Tensor();
        auto expected = torch::matmul(a, b);
        if (withBias) expected = expected + bias;
        for (int repeat = 0; repeat < 2; ++repeat) {  // the second call takes the cached primitive
            const auto got = onednnMatmul(a, b, bias);
            QCOMPARE(got.sizes(), expected.sizes());
            QVERIFY2(maxDiff(got, expected) < kTolerance, qPrintable(QString::number(maxDiff(got, expected))));
        }
        // A strided view that is neither layout is copied, not misread.
        auto strided = torch::randn({m, 2 * k}).slice(/*dim=*/1, 0, 2 * k, 2);
        QVERIFY(maxDiff(onednnMatmul(strided, b), torch::matmul(strided, b)) < kTolerance);
    }

    void gradientsMatchTorch_data() {
        QTest::addColumn<bool>("inputNeedsGrad");
        QTest::addColumn<bool>("weightNeedsGrad");
        QTest::newRow("all") << true << true;
        QTest::newRow("frozen weight") << true << false;
        QTest::newRow("first layer (input without grad)") << false << true;
    }
    void gradientsMatchTorch() {
        QFETCH(bool, inputNeedsGrad);
        QFETCH(bool, weightNeedsGrad);
        MatmulBackendScope onednn(MatmulBackend::OneDnn);
        auto x = torch::randn({3, 7, 48}).requires_grad_(inputNeedsGrad);
        auto w = torch::randn({40, 48}).requires_grad_(weightNeedsGrad);
        auto b = torch::randn({40}).requires_grad_(true);
        const auto upstream = torch::randn({3, 7, 40});

        auto y = bertbench::linear(x, w, b);
        (y * upstream).sum().backward();
        const auto reference = torch::nn::functional::linear(x, w, b);
        QVERIFY(maxDiff(y, reference) < kTolerance);

        auto x2 = x.detach().clone().requires_grad_(inputNeedsGrad);
        auto w2 = w.detach().clone().requires_grad_(weightNeedsGrad);
        auto b2 = b.detach().clone().requires_grad_(true);
        (torch::nn::functional::linear(x2, w2, b2) * upstream).sum().backward();
        QCOMPARE(x.grad().defined(), inputNeedsGrad);
        QCOMPARE(w.grad().defined(), weightNeedsGrad);
        if (inputNeedsGrad) QVERIFY(maxDiff(x.grad(), x2.grad()) < kTolerance);
        if (weightNeedsGrad) QVERIFY(maxDiff(w.grad(), w2.grad()) < kTolerance);
        QVERIFY(maxDiff(b.grad(), b2.grad()) < kTolerance);
    }

    void thinInferenceUsesPackedWeightAndFollowsChanges() {
        MatmulBackendScope onednn(MatmulBackend::OneDnn);
        PackedWeightCache cache;
        auto w = torch::randn({96, 64});
        auto b = torch::randn({96});
        torch::NoGradGuard noGrad;
        for (int64_t rows : {1, 12, 12, 64}) {  // 12 twice: the packed weight is reused
            const auto x = torch::randn({1, rows, 64});
            QVERIFY(maxDiff(bertbench::linear(x, w, b, &cache), torch::nn::functional::linear(x, w, b)) < kTolerance);
        }
        // An optimizer's in-place update bumps the version: the next call repacks.
        w.add_(1.0);
        const auto x = torch::randn({1, 12, 64});
        QVERIFY(maxDiff(bertbench::linear(x, w, b, &cache), torch::nn::functional::linear(x, w, b)) < kTolerance);
        // So does a weight replaced by another tensor (pruning, loading).
        auto replaced = torch::randn({96, 64});
        QVERIFY(maxDiff(bertbench::linear(x, replaced, b, &cache), torch::nn::functional::linear(x, replaced, b)) <
                kTolerance);
        // And inference mode, where the packed path runs for a predicted sentence.
        torch::InferenceMode inference;
        QVERIFY(maxDiff(bertbench::linear(x, w, b, &cache), torch::nn::functional::linear(x, w, b)) < kTolerance);
    }

    void blasBackendMatchesOnednn() {
        const auto x = torch::randn({2, 5, 32}), w = torch::randn({24, 32}), b = torch::randn({24});
        torch::Tensor viaOnednn, viaBlas;
        {
            MatmulBackendScope scope(MatmulBackend::OneDnn);
            viaOnednn = bertbench::linear(x, w, b);
        }
        {
            MatmulBackendScope scope(MatmulBackend::Blas);
            QCOMPARE(matmulBackend(), MatmulBackend::Blas);
            viaBlas = bertbench::linear(x, w, b);
            torch::NoGradGuard noGrad;  // the thin path of the BLAS backend: slices per thread
            QVERIFY(maxDiff(bertbench::linear(x, w, b), viaOnednn) < kTolerance);
        }
        QVERIFY(maxDiff(viaOnednn, viaBlas) < kTolerance);
        QCOMPARE(matmulBackendName(MatmulBackend::OneDnn), std::string("onednn"));
    }

    void attentionProductsOfStridedViews() {
        MatmulBackendScope onednn(MatmulBackend::OneDnn);
        // Heads split from [B, T, H] as scaled attention splits them: views, not copies.
        const int64_t batch = 3, tokens = 9, heads = 4, width = 8;
        auto split = [&](const torch::Tensor& x) { return x.view({batch, tokens, heads, width}).transpose(1, 2); };
        auto q = torch::randn({batch, tokens, heads * width}, torch::requires_grad());
        auto k = torch::randn({batch, tokens, heads * width}, torch::requires_grad());
        const auto upstream = torch::randn({batch, heads, tokens, tokens});
        auto scores = batchedMatmul(split(q), split(k).transpose(-1, -2));
        (scores * upstream).sum().backward();
        auto q2 = q.detach().clone().requires_grad_(), k2 = k.detach().clone().requires_grad_();
        auto expected = torch::matmul(split(q2), split(k2).transpose(-1, -2));
        (expected * upstream).sum().backward();
        QCOMPARE(scores.sizes(), expected.sizes());
        QVERIFY(maxDiff(scores, expected) < kTolerance);
        QVERIFY(maxDiff(q.grad(), q2.grad()) < kTolerance);
        QVERIFY(maxDiff(k.grad(), k2.grad()) < kTolerance);
        // A layout only the reference kernel reads (every other column) is copied first.
        const auto wide = torch::randn({batch, heads, tokens, 2 * width}).slice(-1, 0, 2 * width, 2);
        const auto other = torch::randn({batch, heads, width, 5});
        torch::NoGradGuard noGrad;
        QVERIFY(maxDiff(batchedMatmul(wide, other), torch::matmul(wide, other)) < kTolerance);
    }

    void otherDtypesAndAutocastGoToTorch() {
        MatmulBackendScope onednn(MatmulBackend::OneDnn);
        const auto x = torch::randn({4, 16}).to(torch::kBFloat16), w = torch::randn({8, 16}).to(torch::kBFloat16);
        const auto y = bertbench::linear(x, w, torch::Tensor());
        QCOMPARE(y.scalar_type(), torch::kBFloat16);
        QVERIFY(maxDiff(y.to(torch::kFloat32), torch::matmul(x.to(torch::kFloat32), w.to(torch::kFloat32).t())) < 0.5);
    }
};

QTEST_GUILESS_MAIN(TestLinear)
#include "tst_linear.moc"

// Attention compared between two models: the same model gives no change, the
// weights after eight training steps (expected/after_training) give a ranking
// of the heads by mean Jensen–Shannon divergence, and the divergence itself
// behaves as its definition says.
#include "checkpoint/model_folder.h"
#include "checkpoint/state_dict.h"
#include "common/errors.h"
#include "explain/attention_comparison.h"
#include "fixtures.h"

#include <QtTest>

#include <cmath>
#include <memory>

using namespace bertbench;

namespace {

std::shared_ptr<ModelBundle> load(const std::string& relative) {
    return std::make_shared<ModelBundle>(loadModelFolder(fixtures::path("reference/" + relative)));
}

// tiny-bert-cola's config and tokenizer with the trained weights of after_training/.
std::vector<PredictRequest> texts(std::initializer_list<std::string> list) {
    std::vector<PredictRequest> requests;
    for (const auto& text : list) requests.push_back({text});
    return requests;
}

std::shared_ptr<ModelBundle> trained() {
    auto model = load("tiny-bert-cola");
    applyStateDict(*model->model,
                   readStateDict(fixtures::path("reference/tiny-bert-cola/expected/after_training/model.safetensors")),
                   "after_training");
    return model;
}

}  // namespace

class TestAttentionComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jensenShannonFollowsItsDefinition() {
        const float p[] = {0.5f, 0.5f, 0.0f}, q[] = {0.0f, 0.0f, 1.0f}, r[] = {0.25f, 0.25f, 0.5f};
        QCOMPARE(jensenShannon(p, p, 3), 0.0);
        QVERIFY(std::abs(jensenShannon(p, q, 3) - 1.0) < 1e-12);  // disjoint: one bit
        QCOMPARE(jensenShannon(p, r, 3), jensenShannon(r, p, 3));
        // ½·(0.5·log₂(0.5/0.375)·2) + ½·(0.25·log₂(0.25/0.375)·2 + 0.5·log₂(0.5/0.25))
        const double expected = 0.5 * std::log2(0.5 / 0.375) + 0.25 * std::log2(0.25 / 0.375) + 0.25;
        QVERIFY(std::abs(jensenShannon(p, r, 3) - expected) < 1e-7);
    }

    void aModelComparedWithItselfHasNotChanged() {
        const auto model = load("tiny-bert-cola");
        const auto c = compareAttention(model, model, {"The boy ate the apple."}, texts({"Him left.", "Mary sang."}));
        QCOMPARE(c.sampleSize, size_t(2));
        QCOMPARE(c.ranking.size(), size_t(8));
        for (const float d : c.difference.values) QCOMPARE(d, 0.0f);
        for (const auto& change : c.ranking) QVERIFY(change.divergence < 1e-9);
    }

    void trainingChangesAreRankedAndMapped() {
        const auto before = load("tiny-bert-cola");
        const auto after = trained();
        const std::string text = "The sailors rode the breeze clear of the rocks.";
        const auto c = compareAttention(before, after, {text}, texts({text, "Him left."}));
        QCOMPARE(c.first.tokens, c.second.tokens);
        const auto& a = *c.first.attentions;
        const auto& b = *c.second.attentions;
        double largest = 0;
        for (size_t i = 0; i < a.values.size(); ++i) {
            QCOMPARE(c.difference.values[i], b.values[i] - a.values[i]);
            largest = std::max(largest, double(std::abs(c.difference.values[i])));
        }
        QVERIFY(largest > 1e-4);
        for (size_t i = 1; i < c.ranking.size(); ++i) QVERIFY(c.ranking[i - 1].divergence >= c.ranking[i].divergence);
        QVERIFY(c.ranking.front().divergence > 0);
        // The ranking's top head, recomputed for the two texts by hand.
        const auto top = c.ranking.front();
        double total = 0;
        for (const auto& sentence : {text, std::string("Him left.")}) {
            const auto one = compareAttention(before, after, {sentence}, {});
            const auto& x = *one.first.attentions;
            const auto& y = *one.second.attentions;
            double rows = 0;
            for (int i = 0; i < x.tokens; ++i)
                rows += jensenShannon(&x.values[x.index(top.layer, top.head, i, 0)],
                                      &y.values[y.index(top.layer, top.head, i, 0)], x.tokens);
            total += rows / x.tokens;
        }
        QVERIFY(std::abs(total / 2 - top.divergence) < 1e-9);
    }

    // A pair in the sample goes through both models as [CLS] a [SEP] b [SEP].
    void pairsAreComparedAsPairs() {
        const auto before = load("tiny-bert-cola");
        const auto after = trained();
        const PredictRequest pair{"The boy ate the apple.", "He was hungry."};
        const auto alone = compareAttention(before, after, pair, {});
        QVERIFY(alone.first.tokens.size() > 10);
        QCOMPARE(alone.first.pair, pair.pair);
        const auto sampled = compareAttention(before, after, {"Him left."}, {pair});
        QCOMPARE(sampled.sampleSize, size_t(1));
        for (size_t i = 0; i < alone.ranking.size(); ++i) {
            QCOMPARE(sampled.ranking[i].layer, alone.ranking[i].layer);
            QCOMPARE(sampled.ranking[i].head, alone.ranking[i].head);
            QVERIFY(std::abs(sampled.ranking[i].divergence - alone.ranking[i].divergence) < 1e-12);
        }
        const auto firstOnly = compareAttention(before, after, {"Him left."}, texts({pair.text}));
        QVERIFY(std::abs(firstOnly.ranking.front().divergence - alone.ranking.front().divergence) > 1e-9);
    }

    void modelsThatCannotBeComparedAreRefused() {
        const auto bert = load("tiny-bert-cola");
        const auto roberta = load("tiny-roberta-cola");
        try {
            compareAttention(bert, roberta, {"The boy ate the apple."}, {});
            QFAIL("models with different tokenizers must be refused");
        } catch (const UsageError& e) {
            QVERIFY(std::string(e.what()).find("differently") != std::string::npos ||
                    std::string(e.what()).find("different shapes") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestAttentionComparison)
#include "tst_attention_comparison.moc"

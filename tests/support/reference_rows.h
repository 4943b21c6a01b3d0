// Checking one row of a reference predict.jsonl (tiny-bert-cola, tiny-distilbert-
// cola, tiny-roberta-cola) against a forward pass of the engine.
#pragma once

#include "model/model_io.h"
#include "tensor_compare.h"

#include <QtTest>
#include <nlohmann/json.hpp>

namespace fixtures {

// Logits and probabilities always; attentions, hidden states and the last
// hidden state where the row has them (the first five rows), all within tolerance.
inline void checkPredictRow(const bertbench::TaskOutput& out, const nlohmann::json& row, double tolerance) {
    const auto tag = QByteArray("row ") + QByteArray::number(row.at("index").get<int>());
    QVERIFY2(maxAbsDiff(out.logits[0], row.at("logits")) < tolerance, tag + " logits");
    QVERIFY2(maxAbsDiff(torch::softmax(out.logits[0], -1), row.at("probs")) < tolerance, tag + " probs");
    if (!row.contains("attentions")) return;
    const auto layers = row.at("attentions").size();
    QCOMPARE(out.encoder.attentions.size(), layers);
    for (size_t layer = 0; layer < layers; ++layer)
        QVERIFY2(maxAbsDiff(out.encoder.attentions[layer][0], row.at("attentions")[layer]) < tolerance,
                 tag + " attentions layer " + QByteArray::number(int(layer)));
    QCOMPARE(out.encoder.hiddenStates.size(), layers + 1);
    for (size_t layer = 0; layer <= layers; ++layer)
        QVERIFY2(maxAbsDiff(out.encoder.hiddenStates[layer][0], row.at("hidden_states")[layer]) < tolerance,
                 tag + " hidden state " + QByteArray::number(int(layer)));
    QVERIFY2(maxAbsDiff(out.encoder.lastHiddenState[0], row.at("last_hidden_state")) < tolerance,
             tag + " last hidden state");
}

}  // namespace fixtures

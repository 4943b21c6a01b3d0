// Labels as transformers does them, through the session: a model folder keeps
// its id2label; data labels are mapped by name, or as ids when they are
// integers; subsets and other orders are fine; an unknown label is an error
// naming file, line and label unless the user asks for a new head. The trace
// of reference/tiny-bert-cola/expected/train_steps.json pins the maths.
#include "checkpoint/state_dict.h"
#include "session_fixtures.h"

#include <QtTest>

using namespace bertbench;

namespace {

const char* labelName(int id) { return id == 0 ? "unacceptable" : "acceptable"; }

struct Run {
    std::vector<StepReport> steps;
    std::vector<std::string> messages;
    std::map<std::string, torch::Tensor> weights;  // of the model saved after training
    std::vector<std::string> labels;
    Outcome<TrainingResult> outcome;
};

Run train(const fixtures::TempFolder& folder, const std::string& name, const std::string& modelDir,
          const std::string& csv, bool newHead = false) {
    Run run;
    Session::Callbacks callbacks;
    callbacks.onStep = [&run](const StepReport& r) { run.steps.push_back(r); };
    callbacks.onMessage = [&run](const std::string& line) { run.messages.push_back(line); };
    Session session(callbacks);
    folder.write(name + ".csv", csv);
    session.importData(fixtures::csvData(folder.file(name + ".csv"))).get().take();
    session.openModel({modelDir}).get().take();
    TrainRequest request;
    request.options = fixtures::traceOptions();
    request.runDir = folder.file(name + "-run");
    request.newHead = newHead;
    run.outcome = session.train(request).get();
    if (!run.outcome.ok()) return run;
    session.saveModel({folder.file(name + "-saved")}).get().take();
    run.weights = fixtures::weightsIn(folder.file(name + "-saved"));
    run.labels = session.state().model.labels;
    return run;
}

}  // namespace

class TestLabelSemantics : public QObject {
    Q_OBJECT

private:
    nlohmann::json trace_;

private Q_SLOTS:
    void initTestCase() { trace_ = fixtures::readJson("reference/tiny-bert-cola/expected/train_steps.json"); }

    void integerLabelsFollowTheTrace() {
        fixtures::TempFolder folder("labels_ids");
        const auto run = train(folder, "ids", fixtures::referenceModelFolder(folder, "model"),
                               fixtures::traceCsv([](int id) { return std::to_string(id); }));
        QVERIFY2(run.outcome.ok(), run.outcome.message().c_str());
        QCOMPARE(run.steps.size(), size_t(8));
        for (size_t i = 0; i < run.steps.size(); ++i) {
            const auto& want = trace_.at("steps")[i];
            QVERIFY(std::abs(run.steps[i].loss - want.at("loss").get<double>()) < 1e-4);
            QVERIFY(std::abs(run.steps[i].gradNorm - want.at("grad_norm_before_clip").get<double>()) < 1e-4);
            QVERIFY(std::abs(run.steps[i].learningRate - want.at("lr").get<double>()) < 1e-10);
        }
        QCOMPARE(run.labels, (std::vector<std::string>{"unacceptable", "acceptable"}));
    }

    void namesGiveTheIdenticalTrace() {
        fixtures::TempFolder folder("labels_names");
        const auto model = fixtures::referenceModelFolder(folder, "model");
        const auto ids = train(folder, "ids", model, fixtures::traceCsv([](int id) { return std::to_string(id); }));
        const auto names = train(folder, "names", model, fixtures::traceCsv(labelName));
        QVERIFY2(names.outcome.ok(), names.outcome.message().c_str());
        QCOMPARE(names.steps.size(), ids.steps.size());
        for (size_t i = 0; i < ids.steps.size(); ++i) {
            QCOMPARE(names.steps[i].loss, ids.steps[i].loss);
            QCOMPARE(names.steps[i].gradNorm, ids.steps[i].gradNorm);
        }
        for (const auto& [key, tensor] : ids.weights) QVERIFY2(torch::equal(names.weights.at(key), tensor), key.c_str());
    }

    void aPermutedModelGivesTheSameLossesWithItsRowsPermuted() {
        fixtures::TempFolder folder("labels_permuted");
        const auto plain = fixtures::referenceModelFolder(folder, "plain");
        const auto permuted = fixtures::referenceModelFolder(folder, "permuted", [](nlohmann::json& config) {
            config["id2label"] = {{"0", "acceptable"}, {"1", "unacceptable"}};
            config["label2id"] = {{"acceptable", 0}, {"unacceptable", 1}};
        });
        auto weights = readStateDict(permuted + "/model.safetensors");
        const auto swap = torch::tensor({1, 0});
        for (auto& [name, tensor] : weights)
            if (name == "classifier.weight" || name == "classifier.bias") tensor = tensor.index_select(0, swap).contiguous();
        writeStateDict(permuted + "/model.safetensors", weights);

        const auto csv = fixtures::traceCsv(labelName);
        const auto a = train(folder, "plain", plain, csv);
        const auto b = train(folder, "permuted", permuted, csv);
        QVERIFY2(b.outcome.ok(), b.outcome.message().c_str());
        QCOMPARE(b.labels, (std::vector<std::string>{"acceptable", "unacceptable"}));
        QCOMPARE(b.steps.size(), size_t(8));
        for (size_t i = 0; i < a.steps.size(); ++i) QVERIFY(std::abs(a.steps[i].loss - b.steps[i].loss) < 1e-6);
        for (const char* key : {"classifier.weight", "classifier.bias"}) {
            const double diff = (a.weights.at(key).index_select(0, swap) - b.weights.at(key)).abs().max().item<double>();
            QVERIFY2(diff < 1e-5, key);
        }
        QVERIFY((a.weights.at("bert.pooler.dense.weight") - b.weights.at("bert.pooler.dense.weight")).abs().max().item<double>() < 1e-5);
    }

    void aSubsetOfTheLabelsTrainsTheFullHead() {
        fixtures::TempFolder folder("labels_subset");
        const auto model = fixtures::referenceModelFolder(folder, "model");
        const auto before = fixtures::weightsIn(model);
        std::string csv = "text,label\n";
        for (int i = 0; i < 40; ++i) csv += "\"sentence number " + std::to_string(i) + " is fine.\",acceptable\n";
        const auto run = train(folder, "subset", model, csv);
        QVERIFY2(run.outcome.ok(), run.outcome.message().c_str());
        QCOMPARE(run.labels, (std::vector<std::string>{"unacceptable", "acceptable"}));
        const auto& head = run.weights.at("classifier.weight");
        QCOMPARE(head.size(0), int64_t(2));
        // Softmax couples the rows: the label absent from the data moved as well.
        QVERIFY(!torch::equal(head[0], before.at("classifier.weight")[0]));
        QVERIFY(!torch::equal(head[1], before.at("classifier.weight")[1]));
    }

    void anUnknownLabelNamesFileLineAndLabel() {
        fixtures::TempFolder folder("labels_unknown");
        const auto model = fixtures::referenceModelFolder(folder, "model");
        auto csv = fixtures::traceCsv(labelName);
        csv += "\"A new kind of sentence.\",maybe\n";  // line 66: header + 64 rows + this
        const auto run = train(folder, "unknown", model, csv);
        QVERIFY(!run.outcome.ok());
        const auto message = run.outcome.message();
        QVERIFY2(message.find("unknown.csv:66:") != std::string::npos, message.c_str());
        QVERIFY2(message.find("\"maybe\"") != std::string::npos, message.c_str());
        QVERIFY2(message.find("\"unacceptable\", \"acceptable\"") != std::string::npos, message.c_str());
        QVERIFY2(message.find("--new-head") != std::string::npos, message.c_str());
        bool isMismatch = false;
        try {
            std::rethrow_exception(run.outcome.error);
        } catch (const LabelMismatchError& e) {
            isMismatch = e.modelLabels.size() == 2 && e.dataLabels.size() == 3;
        } catch (...) {
        }
        QVERIFY(isMismatch);
    }

    void aNewHeadIsTheUsersExplicitChoice() {
        fixtures::TempFolder folder("labels_new_head");
        const auto model = fixtures::referenceModelFolder(folder, "model");
        auto csv = fixtures::traceCsv(labelName);
        csv += "\"A new kind of sentence.\",maybe\n";
        const auto run = train(folder, "newhead", model, csv, /*newHead=*/true);
        QVERIFY2(run.outcome.ok(), run.outcome.message().c_str());
        QCOMPARE(run.labels, (std::vector<std::string>{"acceptable", "maybe", "unacceptable"}));
        QCOMPARE(run.weights.at("classifier.weight").size(0), int64_t(3));
        bool reported = false;
        for (const auto& line : run.messages)
            reported = reported || (line.find("newly initialized because the shapes did not match") != std::string::npos &&
                                    line.find("torch.Size([2, 64])") != std::string::npos &&
                                    line.find("torch.Size([3, 64])") != std::string::npos);
        QVERIFY(reported);
        QCOMPARE(run.steps.size(), size_t(10));  // 65 rows, batch 16: 5 batches, 2 epochs
    }

    void anUntrainedHeadTakesTheDataLabels() {
        fixtures::TempFolder folder("labels_untrained");
        // A masked-LM folder has no classifier: its head is new and untrained.
        const auto run = train(folder, "mlm", fixtures::path("reference/tiny-bert-mlm"), fixtures::traceCsv(labelName));
        QVERIFY2(run.outcome.ok(), run.outcome.message().c_str());
        QCOMPARE(run.labels, (std::vector<std::string>{"acceptable", "unacceptable"}));
    }
};

QTEST_APPLESS_MAIN(TestLabelSemantics)
#include "tst_label_semantics.moc"

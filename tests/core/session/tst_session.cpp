// The session as the CLI and the GUI use it, without Qt in the way: jobs run
// in the order they were asked for; requests that would disturb a training
// run or lose work are refused with a message; cancel stops the running job
// and the queued ones; predictions made during training are served between
// steps and leave the run bit-identical; LoRA runs twice; resume refuses
// other settings than the run started with.
#include "session_fixtures.h"

#include <QtTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace bertbench;
using fixtures::shortRun;
using fixtures::tinyModel;

namespace {

std::string labelText(int id) { return id == 0 ? "unacceptable" : "acceptable"; }

// A session with the trace rows imported and a tiny model created.
void prepare(Session& session, const fixtures::TempFolder& folder, double validationRatio = 0) {
    folder.write("data.csv", fixtures::traceCsv(labelText));
    session.importData(fixtures::csvData(folder.file("data.csv"), validationRatio)).get().take();
    session.createModel(tinyModel()).get().take();
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Holds the engine thread inside a job until release() is called.
class EngineLatch {
public:
    void hold() {
        std::unique_lock<std::mutex> lock(mutex_);
        entered_ = true;
        changed_.notify_all();
        changed_.wait(lock, [&] { return released_; });
    }
    void waitUntilHeld() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return entered_; });
    }
    void release() {
        std::lock_guard<std::mutex> lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool entered_ = false, released_ = false;
};

}  // namespace

class TestSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jobsRunInTheOrderRequested() {
        fixtures::TempFolder folder("session_order");
        folder.write("data.csv", fixtures::traceCsv(labelText));
        std::vector<std::string> finished;  // only touched on the engine thread; outlives the session
        Session session;
        auto record = [&finished](const char* name) {
            return [&finished, name](const auto&) { finished.push_back(name); };
        };
        auto imported = session.importData(fixtures::csvData(folder.file("data.csv"), 0.25), record("import"));
        auto created = session.createModel(tinyModel(), UnsavedTraining::Refuse, record("create"));
        auto evaluated = session.evaluate({Split::Validation}, record("evaluate"));
        auto saved = session.saveModel({folder.file("model")}, record("save"));
        QVERIFY(saved.get().ok());
        const auto evaluation = evaluated.get();
        QVERIFY2(evaluation.ok(), evaluation.message().c_str());
        QCOMPARE(imported.get().value->validationExamples, size_t(16));
        // The model was created after the import, so it has the data's labels.
        QCOMPARE(created.get().value->labels, (std::vector<std::string>{"acceptable", "unacceptable"}));
        QCOMPARE(finished, (std::vector<std::string>{"import", "create", "evaluate", "save"}));
    }

    void refusesWhatWouldDisturbARunningTraining() {
        fixtures::TempFolder folder("session_refusals");
        std::atomic<bool> started{false};
        Session::Callbacks callbacks;
        callbacks.onMessage = [&started](const std::string&) { started = true; };  // the trainer's first words
        Session session(callbacks);
        prepare(session, folder, 0.25);
        session.pauseTraining();  // the run starts paused, so it is surely still running below
        auto training = session.train(shortRun(folder, "run", 1000));
        QVERIFY(session.state().training);

        const std::string busy = "while a training run is active";
        QVERIFY(mentions(session.importData(fixtures::csvData(folder.file("data.csv"))).get().message(), busy));
        QVERIFY(mentions(session.importHoldout(fixtures::csvData(folder.file("data.csv"))).get().message(), busy));
        QVERIFY(mentions(session.openModel({fixtures::path("reference/tiny-bert-cola")}).get().message(), busy));
        QVERIFY(mentions(session.createModel(tinyModel()).get().message(), busy));
        QVERIFY(mentions(session.saveModel({folder.file("saved")}).get().message(), busy));
        QVERIFY(mentions(session.evaluate({Split::Validation}).get().message(), busy));
        QVERIFY(mentions(session.predictBatch({"a", "b"}).get().message(), busy));
        QVERIFY(mentions(session.train(shortRun(folder, "other", 2)).get().message(), "already active"));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(folder.file("saved"))));

        // A prediction is not refused: the paused run serves it.
        while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const auto prediction = session.predict("The boy ate the apple.").get();
        QVERIFY2(prediction.ok(), prediction.message().c_str());
        QCOMPARE(prediction.value->probabilities.size(), size_t(2));

        session.cancel();
        const auto result = training.get();
        QVERIFY2(result.ok(), result.message().c_str());
        QVERIFY(!result.value->completed);
        QVERIFY(!session.state().training);
        // Once the run is over, the same requests are served again.
        QVERIFY(session.evaluate({Split::Validation}).get().ok());
    }

    void cancelStopsTheRunningJobAndTheQueuedOnes() {
        fixtures::TempFolder folder("session_cancel");
        Session session;
        prepare(session, folder);
        EngineLatch latch;
        auto blocker = session.predict("hold the engine", false, [&latch](const Outcome<Prediction>&) { latch.hold(); });
        latch.waitUntilHeld();
        auto queuedSave = session.saveModel({folder.file("saved")});
        auto queuedEvaluate = session.evaluate({Split::Train});
        session.cancel();
        auto afterCancel = session.evaluate({Split::Train});
        latch.release();
        QVERIFY(blocker.get().ok());
        QVERIFY(queuedSave.get().cancelled());
        QVERIFY(queuedEvaluate.get().cancelled());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(folder.file("saved"))));
        QVERIFY2(afterCancel.get().ok(), "a request made after cancel() runs as usual");

        // A running training stops after its current step and keeps a checkpoint.
        std::atomic<int> steps{0};
        Session::Callbacks callbacks;
        Session* self = nullptr;
        callbacks.onStep = [&](const StepReport&) {
            if (++steps == 3) self->cancel();
        };
        Session training(callbacks);
        self = &training;
        prepare(training, folder);
        const auto result = training.train(shortRun(folder, "run", 1000)).get().take();
        QVERIFY(!result.completed);
        QCOMPARE(result.steps, int64_t(3));
        QCOMPARE(steps.load(), 3);
        QVERIFY(QFileInfo::exists(QString::fromStdString(folder.file("run/checkpoint/trainer_state.json"))));
    }

    void newTrainingDataClearsAHoldoutItCannotJudge() {
        fixtures::TempFolder folder("session_holdout");
        Session session;
        folder.write("cola.csv", fixtures::traceCsv(labelText));
        folder.write("topics.csv", "text,label\nstocks fell,Business\nthe team won,Sports\n");
        session.importData(fixtures::csvData(folder.file("cola.csv"))).get().take();
        session.importHoldout(fixtures::csvData(folder.file("cola.csv"))).get().take();
        QVERIFY(session.state().hasHoldout);
        // A holdout with labels the training data lacks is refused, naming file and line.
        const auto refused = session.importHoldout(fixtures::csvData(folder.file("topics.csv"))).get();
        QVERIFY2(mentions(refused.message(), "topics.csv:2:") && mentions(refused.message(), "\"Business\""),
                 refused.message().c_str());
        QVERIFY(session.state().hasHoldout);  // the one there stays
        // New training data with other labels clears it, and says so.
        const auto topics = session.importData(fixtures::csvData(folder.file("topics.csv"))).get().take();
        QVERIFY(!session.state().hasHoldout);
        QCOMPARE(topics.messages.size(), size_t(1));
        QVERIFY2(mentions(topics.messages[0], "holdout") && mentions(topics.messages[0], "removed"),
                 topics.messages[0].c_str());
    }

    void unsavedTrainingIsNeverDiscardedSilently() {
        fixtures::TempFolder folder("session_unsaved");
        Session session;
        prepare(session, folder);
        session.train(shortRun(folder, "run", 2)).get().take();
        QVERIFY(session.state().modelDirty);
        const auto refused = session.openModel({fixtures::path("reference/tiny-bert-cola")}).get();
        QVERIFY(!refused.ok());
        bool isUnsaved = false;
        try {
            std::rethrow_exception(refused.error);
        } catch (const UnsavedModelError&) {
            isUnsaved = true;
        } catch (...) {
        }
        QVERIFY(isUnsaved);
        QVERIFY(!session.createModel(tinyModel()).get().ok());
        QCOMPARE(session.state().model.source, std::string("preset tiny"));

        session.saveModel({folder.file("saved")}).get().take();
        QVERIFY(!session.state().modelDirty);
        QVERIFY(session.openModel({fixtures::path("reference/tiny-bert-cola")}).get().ok());

        session.train(shortRun(folder, "run2", 1)).get().take();
        QVERIFY(session.createModel(tinyModel(), UnsavedTraining::Discard).get().ok());
    }

    void saveNeverWritesOverAFolderWithoutConsent() {
        fixtures::TempFolder folder("session_save");
        Session session;
        prepare(session, folder);
        // A folder with other files is never written into.
        std::filesystem::create_directories(folder.file("notes"));
        folder.write("notes/readme.txt", "my notes");
        const auto intoNotes = session.saveModel({folder.file("notes")}).get();
        QVERIFY(mentions(intoNotes.message(), "not empty and holds no model"));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(folder.file("notes/config.json"))));

        // An existing model folder is replaced only when confirmed.
        session.saveModel({folder.file("model")}).get().take();
        folder.write("model/pytorch_model.bin", "old weights");
        const auto again = session.saveModel({folder.file("model")}).get();
        QVERIFY(!again.ok());
        bool asks = false;
        try {
            std::rethrow_exception(again.error);
        } catch (const ExistingModelFolderError&) {
            asks = true;
        } catch (...) {
        }
        QVERIFY(asks);
        QVERIFY(QFileInfo::exists(QString::fromStdString(folder.file("model/pytorch_model.bin"))));
        QVERIFY(session.saveModel({folder.file("model"), /*replaceExisting=*/true}).get().ok());
        QCOMPARE(session.state().modelFolder, folder.file("model"));
    }

    void predictionsDuringTrainingLeaveTheRunBitIdentical() {
        fixtures::TempFolder folder("session_predictions");
        struct Run {
            std::vector<double> losses;
            std::map<std::string, torch::Tensor> weights;
            bool completed = false;
            size_t served = 0;
        };
        auto runOnce = [&](const std::string& name, bool predict) {
            Run run;
            std::vector<double>& losses = run.losses;
            std::vector<std::future<Outcome<Prediction>>> predictions;
            Session* self = nullptr;
            Session::Callbacks callbacks;
            callbacks.onStep = [&](const StepReport& r) {
                losses.push_back(r.loss);
                if (predict) {
                    predictions.push_back(self->predict("The sailors rode the breeze clear of the rocks.", true));
                    predictions.push_back(self->predict("Rocks the of clear breeze."));
                }
            };
            Session session(callbacks);
            self = &session;
            prepare(session, folder);
            auto request = shortRun(folder, name, 8);  // the tiny preset trains with dropout 0.1
            run.completed = session.train(request).get().take().completed;
            // Each was answered at a safe point of the run, before it ended.
            for (auto& p : predictions)
                if (p.wait_for(std::chrono::seconds(0)) == std::future_status::ready && p.get().ok()) ++run.served;
            session.saveModel({folder.file(name + "-model")}).get().take();
            run.weights = fixtures::weightsIn(folder.file(name + "-model"));
            return run;
        };
        const auto quiet = runOnce("quiet", false);
        const auto busy = runOnce("busy", true);
        QVERIFY(quiet.completed && busy.completed);
        QCOMPARE(busy.served, size_t(16));
        QCOMPARE(busy.losses.size(), size_t(8));
        QCOMPARE(busy.losses, quiet.losses);
        QCOMPARE(busy.weights.size(), quiet.weights.size());
        for (const auto& [key, tensor] : quiet.weights) QVERIFY2(torch::equal(busy.weights.at(key), tensor), key.c_str());
    }

    void loraRunsTwiceOnTheSameModel() {
        fixtures::TempFolder folder("session_lora");
        Session session;
        prepare(session, folder);
        const auto before = session.state().model.parameters;
        auto request = shortRun(folder, "first", 3);
        request.options.lora.rank = 4;
        QVERIFY(session.train(request).get().take().completed);
        request.runDir = folder.file("second");
        const auto second = session.train(request).get();
        QVERIFY2(second.ok(), second.message().c_str());
        QCOMPARE(session.state().model.parameters, before);  // adapters merged, none left behind
    }

    void resumeRefusesOtherSettingsThanTheRunStartedWith() {
        fixtures::TempFolder folder("session_resume");
        std::atomic<int> steps{0};
        Session* self = nullptr;
        Session::Callbacks callbacks;
        callbacks.onStep = [&](const StepReport&) {
            if (++steps == 2) self->cancel();
        };
        Session session(callbacks);
        self = &session;
        prepare(session, folder);
        auto request = shortRun(folder, "run", 6);
        QVERIFY(!session.train(request).get().take().completed);

        auto changed = request;
        changed.resume = true;
        changed.options.learningRate = 5e-5;
        changed.options.batchSize = 8;
        const auto refused = session.train(changed).get();
        QVERIFY(!refused.ok());
        QVERIFY2(mentions(refused.message(), "learning") && mentions(refused.message(), "batch"),
                 refused.message().c_str());

        auto same = request;
        same.resume = true;
        const auto resumed = session.train(same).get();
        QVERIFY2(resumed.ok(), resumed.message().c_str());
        QVERIFY(resumed.value->completed);
        QCOMPARE(resumed.value->steps, int64_t(6));
    }
};

QTEST_APPLESS_MAIN(TestSession)
#include "tst_session.moc"

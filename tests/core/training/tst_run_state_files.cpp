// The JSON files a run folder keeps (settings.json, checkpoint/trainer_state.json,
// metrics.jsonl) and the one JSON reader behind them, fed damaged and hostile
// content: each gives a FileError naming the file, never another exception.
#include "common/errors.h"
#include "common/json_file.h"
#include "file_error_of.h"
#include "temp_folder.h"
#include "training/resume_check.h"
#include "training/run_folder.h"
#include "training/trainer_position.h"

#include <QtTest>

#include <fstream>

using namespace bertbench;
using fixtures::fileErrorOf;
using nlohmann::json;

namespace {

json validPosition() {
    return {{"step", 12}, {"epoch", 1}, {"batch_in_epoch", 3}, {"best_metric", 0.5},
            {"best_step", 8}, {"evaluations_without_improvement", 1}, {"world_size", 2}};
}

std::string deeplyNested(int depth) {
    return std::string(size_t(depth), '[') + std::string(size_t(depth), ']');
}

const json kNow = {{"data", {{"train", "train.tsv"}, {"train_hash", "aa"}, {"validation_hash", nullptr},
                             {"test_hash", nullptr}}}};

}  // namespace

class TestRunStateFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonReaderBoundsNestingAndNamesTheFile() {
        const auto deep = fileErrorOf([] { parseJsonText(deeplyNested(100000), "x.json", 3); });
        QVERIFY2(deep.startsWith("x.json:3: nested more than 64 levels"), qPrintable(deep));
        QCOMPARE(parseJsonText(deeplyNested(kMaxJsonDepth), "x.json").is_array(), true);
        const auto bad = fileErrorOf([] { parseJsonText("{\"a\": ", "x.json"); });
        QVERIFY2(bad.startsWith("x.json: invalid JSON"), qPrintable(bad));
    }

    void jsonReaderRefusesFoldersAndMissingFiles() {
        const fixtures::TempFolder dir("json_reader");
        std::filesystem::create_directories(dir.file("folder.json"));
        QVERIFY(fileErrorOf([&] { readJsonFile(dir.file("folder.json")); }).contains("is a folder"));
        QVERIFY(fileErrorOf([&] { readJsonFile(dir.file("absent.json")); }).contains("cannot open"));
        dir.write("ok.json", "{\"a\": [1, 2]}");
        QCOMPARE(readJsonFile(dir.file("ok.json")).at("a").size(), size_t(2));
    }

    void jsonTextIsBoundedAndSurvivesInvalidUtf8() {
        QCOMPARE(jsonText(json(std::string("a\xff" "b"))), std::string("\"a\xEF\xBF\xBD" "b\""));
        const auto longText = jsonText(json(std::string(10000, 'x')), 50);
        QVERIFY(longText.size() < 60);
        QVERIFY(longText.find("…") != std::string::npos);
        // A cut never splits a character.
        std::string umlauts;
        for (int i = 0; i < 30; ++i) umlauts += "ä";
        const auto cut = jsonText(json(umlauts), 10);
        QCOMPARE(cut, std::string("\"ääää…"));
    }

    void trainerPositionRoundTrips() {
        const auto p = positionFromJson(validPosition(), "trainer_state.json");
        QCOMPARE(p.step, int64_t(12));
        QCOMPARE(p.bestStep, int64_t(8));
        QCOMPARE(p.worldSize, int64_t(2));
        QCOMPARE(positionToJson(p), validPosition());
        // A checkpoint from before data parallelism has no world size: one process wrote it.
        auto older = validPosition();
        older.erase("world_size");
        QCOMPARE(positionFromJson(older, "trainer_state.json").worldSize, int64_t(1));
    }

    void trainerPositionRejectsEveryDamagedField_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");  // JSON; empty = the key is missing
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing step") << "step" << "" << "no \"step\"";
        QTest::newRow("no processes") << "world_size" << "0" << "\"world_size\" must be an integer of at least 1";
        QTest::newRow("negative step") << "step" << "-1" << "\"step\" must be an integer of at least 0";
        QTest::newRow("float step") << "step" << "1e300" << "\"step\" must be an integer";
        QTest::newRow("huge step") << "step" << "18446744073709551615" << "\"step\" must be an integer";
        QTest::newRow("string epoch") << "epoch" << "\"1\"" << "\"epoch\" must be an integer";
        QTest::newRow("best step below -1") << "best_step" << "-2" << "at least -1";
        QTest::newRow("best step after step") << "best_step" << "13" << "\"best_step\" is after \"step\"";
        QTest::newRow("metric null") << "best_metric" << "null" << "finite number";
        QTest::newRow("metric string") << "best_metric" << "\"0.5\"" << "finite number";
    }

    void trainerPositionRejectsEveryDamagedField() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        auto state = validPosition();
        if (value.isEmpty())
            state.erase(key.toStdString());
        else
            state[key.toStdString()] = json::parse(value.toStdString());
        const auto message = fileErrorOf([&] { positionFromJson(state, "ck/trainer_state.json"); });
        QVERIFY2(message.startsWith("ck/trainer_state.json: damaged: "), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(fileErrorOf([] { positionFromJson(json::array(), "t.json"); }).contains("not a JSON object"));
    }

    void resumeCheckNamesDamagedSettings_data() {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an object") << "[1]" << "not a JSON object";
        QTest::newRow("options not an object") << "{\"options\": 3}" << "must be a JSON object";
        QTest::newRow("wrong type") << "{\"options\": {\"epochs\": \"two\"}}" << "\"epochs\" has the wrong type";
        QTest::newRow("unknown choice") << "{\"options\": {\"schedule\": \"zigzag\"}}" << "\"schedule\" is \"zigzag\"";
        QTest::newRow("lora not an object") << "{\"options\": {\"lora\": 1}}" << "\"lora\" must be an object";
    }

    void resumeCheckNamesDamagedSettings() {
        QFETCH(QString, settings);
        QFETCH(QString, expected);
        const auto saved = json::parse(settings.toStdString());
        const auto message = fileErrorOf([&] { resumeDifferences(saved, TrainingOptions{}, kNow, "run/settings.json"); });
        QVERIFY2(message.startsWith("run/settings.json: "), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void resumeCheckListsChangesAndShowsBytesThatAreNotUtf8() {
        const json saved = {{"options", {{"seed", 7}, {"device", "cuda"}}},
                            {"data", {{"train", "old\xff.tsv"}, {"train_hash", "bb"}, {"validation_hash", 3}}}};
        const auto differences = resumeDifferences(saved, TrainingOptions{}, kNow, "settings.json");
        QCOMPARE(differences.size(), size_t(3));  // seed, train data, validation data; not device
        QVERIFY(differences[0].rfind("seed: 7 -> ", 0) == 0);
        QVERIFY(differences[1].find("old\xEF\xBF\xBD.tsv") != std::string::npos);
        QVERIFY(resumeDifferences({{"data", "x"}}, TrainingOptions{}, kNow, "settings.json").empty());
    }

    void damagedSettingsFileIsAFileError() {
        const fixtures::TempFolder dir("run_settings_damaged");
        const RunFolder run(dir.path());
        dir.write("settings.json", deeplyNested(5000));
        QVERIFY(fileErrorOf([&] { run.readSettings(); }).contains("nested more than"));
        dir.write("settings.json", "\"a string\"");
        QVERIFY(fileErrorOf([&] { run.readSettings(); }).contains("not a JSON object"));
        std::filesystem::remove(dir.file("settings.json"));
        QVERIFY(run.readSettings().is_null());
    }

    void takingTheLockRemovesWhatAKilledWriterLeft() {
        // A process killed while it wrote settings.json or trimmed metrics.jsonl
        // leaves its temporary file; the next one to train here removes it.
        const fixtures::TempFolder dir("run_stale_partials");
        const RunFolder run(dir.path());
        dir.write("settings.json", "{}");
        dir.write("settings.json.partial-99999", "{\"opt");
        dir.write("metrics.jsonl.partial-12345", "{\"step\": 1}\n");
        {
            const RunFolder::Lock lock(run);
        }
        QVERIFY(!std::filesystem::exists(dir.file("settings.json.partial-99999")));
        QVERIFY(!std::filesystem::exists(dir.file("metrics.jsonl.partial-12345")));
        QVERIFY(std::filesystem::exists(dir.file("settings.json")));
    }

    void metricsTrimDropsLaterStepsAndDamagedLines() {
        const fixtures::TempFolder dir("run_metrics_trim");
        RunFolder run(dir.path());
        dir.write("metrics.jsonl",
                  "{\"step\": 1}\n"
                  "{\"step\": \"2\"}\n"           // wrong type: once an internal error
                  "{\"step\": 2.5}\n"              // not an integer step
                  + deeplyNested(100000) + "\n"  // once a stack overflow
                  "{\"step\": 3}\n"
                  "{\"step\": 9}\n"
                  "{\"step\": 4");                 // cut short by a kill
        run.openMetrics(3);
        std::ifstream in(run.metricsPath());
        const std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(kept, std::string("{\"step\": 1}\n{\"step\": 3}\n"));
    }
};

QTEST_APPLESS_MAIN(TestRunStateFiles)
#include "tst_run_state_files.moc"

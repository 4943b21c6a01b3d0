// The attention-probe files without a model: they read back what was written
// within the quantisation step, stay under 1 MB for BERT-base's shape, are the
// safetensors layout the header promises, and a damaged or truncated one is a
// FileError naming it.
#include "common/errors.h"
#include "file_error_of.h"
#include "temp_folder.h"
#include "training/attention_probes.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

// Rows of random non-negative numbers that sum to 1, as softmax gives.
AttentionMaps randomMaps(int layers, int heads, int tokens, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::exponential_distribution<float> draw(1.0f);
    AttentionMaps maps{layers, heads, tokens, {}};
    maps.values.resize(size_t(layers) * heads * tokens * tokens);
    for (size_t row = 0; row < maps.values.size(); row += size_t(tokens)) {
        float sum = 0;
        for (int j = 0; j < tokens; ++j) sum += maps.values[row + j] = draw(rng);
        for (int j = 0; j < tokens; ++j) maps.values[row + j] /= sum;
    }
    return maps;
}

AttentionProbeSnapshot snapshot(int layers, int heads, const std::vector<int>& tokenCounts, int64_t step) {
    AttentionProbeSnapshot s;
    s.step = step;
    s.epoch = step / 10;
    for (size_t i = 0; i < tokenCounts.size(); ++i) {
        // Long texts and tokens, so that the header is as large as a real one gets.
        s.texts.push_back("probe " + std::to_string(i) + ": " + std::string(300, 'x') + ", with a comma");
        s.pairs.push_back(i == 1 ? "a second text" : "");
        std::vector<std::string> tokens;
        for (int t = 0; t < tokenCounts[i]; ++t) tokens.push_back(t == 0 ? "[CLS]" : "##piece" + std::to_string(t));
        s.tokens.push_back(tokens);
        s.readableTokens.push_back(tokens);
        s.attentions.push_back(randomMaps(layers, heads, tokenCounts[i], step * 10 + i));
    }
    return s;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

}  // namespace

class TestAttentionProbeFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valuesComeBackWithinTheQuantisationStep() {
        TempFolder folder("probe_files_roundtrip");
        const auto written = snapshot(2, 3, {5, 9}, 40);
        const auto file = attentionProbeFile(folder.path(), 40);
        std::filesystem::create_directories(attentionProbesDir(folder.path()));
        writeAttentionProbes(file, written);
        QVERIFY(file.size() > 25 && file.substr(file.size() - 25) == "step-00000040.safetensors");
        const auto read = readAttentionProbes(file);
        QCOMPARE(read.step, int64_t(40));
        QCOMPARE(read.epoch, int64_t(4));
        QCOMPARE(read.texts, written.texts);
        QCOMPARE(read.pairs, written.pairs);
        QCOMPARE(read.tokens, written.tokens);
        QCOMPARE(read.readableTokens, written.readableTokens);
        QCOMPARE(read.attentions.size(), size_t(2));
        for (size_t i = 0; i < 2; ++i) {
            const auto& a = read.attentions[i];
            const auto& b = written.attentions[i];
            QCOMPARE(a.layers, 2);
            QCOMPARE(a.heads, 3);
            QCOMPARE(a.tokens, b.tokens);
            QCOMPARE(a.values.size(), b.values.size());
            for (size_t v = 0; v < a.values.size(); ++v)
                QVERIFY2(std::abs(a.values[v] - b.values[v]) <= kAttentionProbeStep / 2 + 1e-6f, qPrintable(QString::number(v)));
        }
    }

    void theFileIsSafetensorsWithTheValuesAsBytes() {
        TempFolder folder("probe_files_layout");
        const auto s = snapshot(2, 2, {4}, 3);
        const auto file = folder.file("probe.safetensors");
        writeAttentionProbes(file, s);
        const std::string bytes = readBytes(file);
        uint64_t headerBytes = 0;
        for (int b = 0; b < 8; ++b) headerBytes |= uint64_t(uint8_t(bytes[size_t(b)])) << (8 * b);
        QCOMPARE(headerBytes % 8, uint64_t(0));
        const auto header = nlohmann::json::parse(bytes.substr(8, headerBytes));
        QCOMPARE(header.at("probe.0").at("dtype").get<std::string>(), std::string("U8"));
        QCOMPARE(header.at("probe.0").at("shape"), nlohmann::json({2, 2, 4, 4}));
        QCOMPARE(header.at("__metadata__").at("step").get<std::string>(), std::string("3"));
        QCOMPARE(bytes.size(), size_t(8 + headerBytes + 2 * 2 * 4 * 4));
        // The first value, as round(p * 255).
        QCOMPARE(int(uint8_t(bytes[8 + headerBytes])), int(std::lround(s.attentions[0].values[0] * 255)));
    }

    void theTokenCapKeepsEverySnapshotUnderItsBudget() {
        // BERT-base, 12 × 12: 4 probes of 64 tokens would be 2.36 MB.
        QCOMPARE(attentionProbeTokenCap({64, 64, 64, 64}, 12, 12), size_t(41));
        QCOMPARE(attentionProbeTokenCap({64, 64, 64}, 12, 12), size_t(48));
        QCOMPARE(attentionProbeTokenCap({64}, 12, 12), size_t(64));
        QCOMPARE(attentionProbeTokenCap({10, 12, 64, 64}, 12, 12), size_t(57));  // short ones leave room
        QCOMPARE(attentionProbeTokenCap({9, 11, 14}, 12, 12), size_t(14));      // CoLA-like: nothing cut
        QCOMPARE(attentionProbeTokenCap({64, 64, 64, 64}, 2, 2), size_t(64));    // the tiny preset
        QCOMPARE(attentionProbeTokenCap({64, 64}, 1000, 1000), size_t(4));       // never below the minimum
        QCOMPARE(attentionProbeTokenCap({}, 12, 12), size_t(4));
    }

    void bertBaseWithFourLongProbesStaysUnderOneMegabyte() {
        TempFolder folder("probe_files_size");
        const auto file = folder.file("base.safetensors");
        const int cap = int(attentionProbeTokenCap({64, 64, 64, 64}, 12, 12));
        writeAttentionProbes(file, snapshot(12, 12, {cap, cap, cap, cap}, 123456));
        const auto size = std::filesystem::file_size(file);
        QVERIFY2(size >= 4u * 12 * 12 * size_t(cap * cap), qPrintable(QString::number(size)));
        QVERIFY2(size <= kAttentionProbeValueBudget + 16384, qPrintable(QString::number(size)));
        QVERIFY2(size <= 1000000u + 16384, qPrintable(QString::number(size)));
    }

    void aRunFolderWithoutSnapshotsGivesNone() {
        TempFolder folder("probe_files_none");
        QVERIFY(loadAttentionProbes(folder.file("no such run")).empty());
        QVERIFY(loadAttentionProbes(folder.path()).empty());
        // A write a kill interrupted, and other files, are not snapshots.
        std::filesystem::create_directories(attentionProbesDir(folder.path()));
        writeBytes(attentionProbeFile(folder.path(), 5) + ".partial-123", "half");
        writeBytes(attentionProbesDir(folder.path()) + "/notes.txt", "mine");
        QVERIFY(loadAttentionProbes(folder.path()).empty());
    }

    void snapshotsLoadInStepOrderAndLaterOnesCanBeRemoved() {
        TempFolder folder("probe_files_order");
        std::filesystem::create_directories(attentionProbesDir(folder.path()));
        for (const int64_t step : {120, 7, 30})
            writeAttentionProbes(attentionProbeFile(folder.path(), step), snapshot(1, 2, {3}, step));
        auto steps = [&] {
            std::vector<int64_t> list;
            for (const auto& s : loadAttentionProbes(folder.path())) list.push_back(s.step);
            return list;
        };
        QCOMPARE(steps(), (std::vector<int64_t>{7, 30, 120}));
        removeAttentionProbesAfter(folder.path(), 30);
        QCOMPARE(steps(), (std::vector<int64_t>{7, 30}));
    }

    void aDamagedFileIsAFileErrorNamingIt_data() {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("values cut short") << 0 << "truncated";
        QTest::newRow("header cut short") << 1 << "truncated";
        QTest::newRow("only 5 bytes") << 2 << "truncated";
        QTest::newRow("header not JSON") << 3 << "invalid JSON";
        QTest::newRow("another safetensors file") << 4 << "not an attention-probes file";
        QTest::newRow("header length absurd") << 5 << "damaged";
        QTest::newRow("shape does not fit the tokens") << 6 << "shape";
    }
    void aDamagedFileIsAFileErrorNamingIt() {
        QFETCH(int, damage);
        QFETCH(QString, fragment);
        TempFolder folder("probe_files_damage");
        std::filesystem::create_directories(attentionProbesDir(folder.path()));
        writeAttentionProbes(attentionProbeFile(folder.path(), 4), snapshot(2, 2, {6}, 4));
        const auto file = attentionProbeFile(folder.path(), 9);
        writeAttentionProbes(file, snapshot(2, 2, {5, 6}, 9));
        std::string bytes = readBytes(file);
        uint64_t headerBytes = 0;
        for (int b = 0; b < 8; ++b) headerBytes |= uint64_t(uint8_t(bytes[size_t(b)])) << (8 * b);
        auto replaced = [&](const std::string& from, const std::string& to) {
            std::string header = bytes.substr(8, headerBytes);
            const auto at = header.find(from);
            QVERIFY(at != std::string::npos);
            header.replace(at, from.size(), to);
            header.resize(size_t(headerBytes), ' ');
            bytes = bytes.substr(0, 8) + header + bytes.substr(8 + headerBytes);
        };
        switch (damage) {
        case 0: bytes.resize(bytes.size() - 10); break;
        case 1: bytes.resize(8 + headerBytes / 2); break;
        case 2: bytes.resize(5); break;
        case 3: bytes[8] = 'x'; break;
        case 4: replaced("bertbench-attention-probes/1", "something-else/1           "); break;
        case 5: bytes[7] = char(0x40); break;
        case 6: replaced("[2,2,6,6]", "[2,2,6,7]"); break;
        }
        writeBytes(file, bytes);
        fixtures::expectFileError([&] { loadAttentionProbes(folder.path()); }, QString::fromStdString(file), fragment);
    }
};

QTEST_APPLESS_MAIN(TestAttentionProbeFiles)
#include "tst_attention_probe_files.moc"

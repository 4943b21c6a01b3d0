// The safetensors reader and writer: the reference files parse, writing and
// reading round-trips, and every kind of damage gives a FileError that names the
// file and the defect instead of a crash.
#include "checkpoint/safetensors.h"
#include "common/errors.h"
#include "fixtures.h"

#include <QtTest>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace bertbench;

namespace {

std::string tempPath(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("tst_safetensors_" + name)).string();
}

// A file with the given header JSON followed by `dataBytes` zero bytes.
std::string writeRaw(const std::string& name, const std::string& header, size_t dataBytes,
                     uint64_t declaredLength = UINT64_MAX) {
    const auto path = tempPath(name);
    std::ofstream out(path, std::ios::binary);
    uint64_t length = declaredLength == UINT64_MAX ? header.size() : declaredLength;
    for (int i = 0; i < 8; ++i) out.put(char(length >> (8 * i)));
    out << header << std::string(dataBytes, '\0');
    return path;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheReferenceCheckpoint() {
        SafetensorsFile file(fixtures::path("reference/tiny-bert-cola/model.safetensors"));
        QCOMPARE(file.metadata().at("format"), std::string("pt"));
        bool sawEmbeddings = false;
        for (const auto& e : file.entries()) {
            QCOMPARE(int(e.dtype), int(StDtype::F32));
            if (e.name == "bert.embeddings.word_embeddings.weight") {
                sawEmbeddings = true;
                QCOMPARE(e.shape, (std::vector<int64_t>{30522, 64}));
                QCOMPARE(e.bytes, size_t(30522 * 64 * 4));
            }
        }
        QVERIFY(sawEmbeddings);
        QCOMPARE(file.entries().size(), size_t(41));  // 39 encoder tensors + classifier weight and bias
    }

    void writeThenReadRoundTrips() {
        const float a[6] = {1, 2, 3, 4, 5, 6};
        const uint16_t b[2] = {0x3c00, 0xc000};  // F16 1.0 and -2.0
        const auto path = tempPath("roundtrip.safetensors");
        writeSafetensors(path, {{"zeta", StDtype::F32, {2, 3}, a}, {"alpha", StDtype::F16, {2}, b}});
        SafetensorsFile file(path);
        QCOMPARE(file.entries().size(), size_t(2));
        const auto& first = file.entries()[0];  // written sorted by name
        QCOMPARE(first.name, std::string("alpha"));
        QCOMPARE(int(first.dtype), int(StDtype::F16));
        QCOMPARE(std::memcmp(first.data, b, sizeof b), 0);
        const auto& second = file.entries()[1];
        QCOMPARE(second.shape, (std::vector<int64_t>{2, 3}));
        QCOMPARE(std::memcmp(second.data, a, sizeof a), 0);
        // The header is padded so the data starts 8-byte aligned.
        QCOMPARE(reinterpret_cast<uintptr_t>(first.data) % 8, uintptr_t(0));
    }

    void damagedFilesAreReported_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const std::string ok = R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        {
            const auto path = tempPath("short.safetensors");
            std::ofstream(path, std::ios::binary) << "abc";
            QTest::newRow("shorter than the length field") << QString::fromStdString(path) << "truncated";
        }
        QTest::newRow("header beyond the file")
            << QString::fromStdString(writeRaw("long_header.safetensors", ok, 8, 1u << 30)) << "beyond the end";
        QTest::newRow("truncated data")
            << QString::fromStdString(writeRaw("cut.safetensors", ok, 4)) << "outside the data section";
        QTest::newRow("invalid JSON")
            << QString::fromStdString(writeRaw("json.safetensors", R"({"w":{"dtype":)", 8)) << "invalid JSON";
        QTest::newRow("unknown dtype")
            << QString::fromStdString(writeRaw("dtype.safetensors",
                                               R"({"w":{"dtype":"F8_E4M3X","shape":[2],"data_offsets":[0,2]}})", 8))
            << "unknown dtype";
        QTest::newRow("offsets out of range")
            << QString::fromStdString(writeRaw("range.safetensors",
                                               R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", 8))
            << "outside the data section";
        QTest::newRow("shape disagrees with bytes")
            << QString::fromStdString(writeRaw("shape.safetensors",
                                               R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8))
            << "needs 12 bytes";
        QTest::newRow("element count overflows")
            << QString::fromStdString(writeRaw(
                   "overflow.safetensors",
                   R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,16]}})", 16))
            << "has more elements than the file has bytes";
        // Found by fuzz_safetensors: dimensions and offsets beyond int64 were
        // converted from doubles (undefined behaviour).
        QTest::newRow("dimension beyond int64")
            << QString::fromStdString(writeRaw(
                   "huge_dim.safetensors",
                   R"({"w":{"dtype":"F32","shape":[2,218446744073709551615],"data_offsets":[0,8]}})", 8))
            << "tensor \"w\" shape must be a list of integers, not [2,2.1844674407370955e+20]";
        QTest::newRow("fractional offset")
            << QString::fromStdString(writeRaw("frac.safetensors",
                                               R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[0,7.5]}})", 8))
            << "data_offsets must be a list of integers";
        QTest::newRow("negative offset")
            << QString::fromStdString(writeRaw("neg.safetensors",
                                               R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}})", 8))
            << "data_offsets must be [begin, end]";
        QTest::newRow("entry lacks fields")
            << QString::fromStdString(writeRaw("fields.safetensors", R"({"w":{"dtype":"F32"}})", 8)) << "lacks";
        QTest::newRow("missing file") << QString::fromStdString(tempPath("does_not_exist")) << "cannot open";
    }
    void damagedFilesAreReported() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        try {
            SafetensorsFile file(path.toStdString());
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(QString::fromStdString(e.path()), path);
            QVERIFY2(QString(e.what()).contains(expected), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"

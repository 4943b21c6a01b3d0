// The architecture's promises, checked on the sources: core/ never includes Qt
// (so the engine runs headless and on GPU machines), ui/ and app/ reach LibTorch
// only through core/'s headers, and no file includes both torch and Qt Widgets
// or QCustomPlot (their `slots` identifiers collide).
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

namespace {

QStringList sourcesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(QString(BERTBENCH_SOURCE_DIR) + "/" + folder, {"*.h", "*.hpp", "*.cpp"}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    return files;
}

// Files among `files` with an #include matching `pattern`.
QStringList including(const QStringList& files, const QRegularExpression& pattern) {
    QStringList offenders;
    for (const auto& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        while (!file.atEnd()) {
            const auto line = QString::fromUtf8(file.readLine());
            if (line.trimmed().startsWith("#") && line.contains("include") && pattern.match(line).hasMatch()) {
                offenders << path;
                break;
            }
        }
    }
    return offenders;
}

// (Plain string literals: moc misreads raw strings that contain quotes.)
const QRegularExpression kQt("include\\s*[<\"](Q[A-Z]\\w*|Qt\\w*/|qcustomplot)");
const QRegularExpression kTorch("include\\s*[<\"](torch/|ATen/|c10/)");
const QRegularExpression kWidgets("include\\s*[<\"](QtWidgets|QWidget|QMainWindow|qcustomplot|QtCharts)");

}  // namespace

class TestBoundaries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coreHasNoQt() {
        const auto files = sourcesUnder("core");
        QVERIFY(files.size() > 20);
        const auto offenders = including(files, kQt);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(", ")));
    }

    void uiAndAppReachTorchOnlyThroughCore() {
        const auto offenders = including(sourcesUnder("ui") + sourcesUnder("app"), kTorch);
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(", ")));
    }

    void noFileMixesTorchAndWidgets() {
        const auto all = sourcesUnder("core") + sourcesUnder("ui") + sourcesUnder("app") + sourcesUnder("tests");
        QStringList both;
        for (const auto& path : including(all, kTorch))
            if (including({path}, kWidgets).size() == 1) both << path;
        QVERIFY2(both.isEmpty(), qPrintable(both.join(", ")));
    }

    void theCheckItselfCatchesOffenders() {
        QTemporaryDir dir;
        QFile file(dir.filePath("bad.cpp"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#include <QString>\n#include <torch/torch.h>\n");
        file.close();
        QCOMPARE(including({file.fileName()}, kQt).size(), 1);
        QCOMPARE(including({file.fileName()}, kTorch).size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestBoundaries)
#include "tst_boundaries.moc"

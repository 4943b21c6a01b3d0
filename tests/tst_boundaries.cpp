// The architecture's promises, checked on the sources: core/ never includes Qt
// (so the engine runs headless and on GPU machines), ui/ and app/ reach LibTorch
// only through core/'s headers, and no file includes both torch and Qt Widgets
// or QCustomPlot (their `slots` identifiers collide).
#include "test_paths.h"
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

namespace {

QStringList sourcesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(QString(testpaths::sourceDir()) + "/" + folder, {"*.h", "*.hpp", "*.cpp"}, QDir::Files,
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
const QRegularExpression kQt("include\\s*[<\"](Q[A-Z]\\w*|Qt\\w*[/>]|qcustomplot|qglobal\\.h|qtconcurrent)");
const QRegularExpression kTorch("include\\s*[<\"](torch/|ATen/|c10/)");
const QRegularExpression kWidgets("include\\s*[<\"](QtWidgets|QWidget|QMainWindow|qcustomplot|QtCharts)");

// The project headers a file includes with quotes, resolved against core/,
// ui/ and the file's own folder.
QStringList quotedIncludes(const QString& path) {
    static const QRegularExpression quoted("^\\s*#\\s*include\\s*\"([^\"]+)\"");
    QStringList found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return found;
    while (!file.atEnd()) {
        const auto match = quoted.match(QString::fromUtf8(file.readLine()));
        if (!match.hasMatch()) continue;
        for (const auto& base : {QString(testpaths::sourceDir()) + "/core/", QString(testpaths::sourceDir()) + "/ui/",
                                 QFileInfo(path).absolutePath() + "/"})
            if (QFileInfo::exists(base + match.captured(1))) {
                found << QFileInfo(base + match.captured(1)).canonicalFilePath();
                break;
            }
    }
    return found;
}

// Files among `files` that include torch directly or through project headers.
QStringList reachingTorch(const QStringList& files) {
    QStringList offenders;
    for (const auto& start : files) {
        QStringList pending{start};
        QSet<QString> seen;
        while (!pending.isEmpty()) {
            const auto path = pending.takeLast();
            if (seen.contains(path)) continue;
            seen.insert(path);
            if (!including({path}, kTorch).isEmpty()) {
                offenders << start + " (through " + path + ")";
                break;
            }
            pending << quotedIncludes(path);
        }
    }
    return offenders;
}

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

    // Not even through a core header: ui/ sees the engine as plain value types.
    void uiReachesNoTorchHeaderTransitively() {
        const auto offenders = reachingTorch(sourcesUnder("ui"));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(", ")));
    }

    // The GUI's one way into the engine is the Session: no page, plot or
    // adapter runs an engine workflow piece by piece (tests/ may: they test them).
    void uiReachesTheEngineOnlyThroughTheSession() {
        const QRegularExpression engineWork(
            "\\b(Trainer|Predictor|ModelHandle|EngineThread|StepRunner)\\b|\\b(loadModelFolder|evaluateModel|"
            "evaluateDataset|splitTrainValidation|computeTokenLengthStats|saveModelFolder)\\s*\\(");
        QStringList offenders;
        for (const auto& path : sourcesUnder("ui") + sourcesUnder("app/gui")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            int number = 0;
            while (!file.atEnd()) {
                const auto line = QString::fromUtf8(file.readLine());
                ++number;
                const auto code = line.left(line.indexOf(QStringLiteral("//")));
                if (engineWork.match(code).hasMatch()) offenders << path + ":" + QString::number(number);
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(", ")));
        QVERIFY(engineWork.match(QStringLiteral("Trainer trainer(model);")).hasMatch());  // the check can fail
    }

    void theSessionApiIsTorchFree() {
        const QString session = QString(testpaths::sourceDir()) + "/core/session/session.h";
        QVERIFY(QFileInfo::exists(session));
        QVERIFY2(reachingTorch({session}).isEmpty(), qPrintable(reachingTorch({session}).join(", ")));
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
        for (const char* header : {"<QtCore>", "<QtConcurrent>", "<qglobal.h>", "<QtCore/QString>"}) {
            QFile qt(dir.filePath("qt.h"));
            QVERIFY(qt.open(QIODevice::WriteOnly | QIODevice::Truncate));
            qt.write(QByteArray("#include ") + header + "\n");
            qt.close();
            QVERIFY2(including({qt.fileName()}, kQt).size() == 1, header);
        }
        // A header that reaches torch through another one is caught.
        QFile outer(dir.filePath("outer.h")), inner(dir.filePath("inner.h"));
        QVERIFY(outer.open(QIODevice::WriteOnly) && inner.open(QIODevice::WriteOnly));
        outer.write("#include \"inner.h\"\n");
        inner.write("#include <ATen/ATen.h>\n");
        outer.close();
        inner.close();
        QCOMPARE(reachingTorch({outer.fileName()}).size(), 1);
        QVERIFY(reachingTorch({file.fileName() + ".none"}).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestBoundaries)
#include "tst_boundaries.moc"

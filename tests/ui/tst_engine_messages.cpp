// EngineMessages against the engine it translates: the catalogue is well
// formed, every template still appears in core/'s source (a rewording there
// fails here), each template recognises its own sample, real errors from core
// come back in German with their path and line, and unknown text unchanged.
// The German tests need the "EngineMessages" context in translations/
// bertbench_de.ts; BERTBENCH_DE_QM may name another .qm to test with.
#include "test_paths.h"
#include "i18n/engine_messages.h"

#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "data/dataset_import.h"
#include "temp_folder.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QtTest>

#include <cstring>
#include <functional>
#include <set>

using EngineMessages::Template;

namespace {

QString sourceOf(const Template& t) { return QString::fromUtf8(t.source); }

QStringList placeholdersOf(const QString& text) {
    QStringList found;
    static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
    for (auto it = placeholder.globalMatch(text); it.hasNext();) found << it.next().captured();
    return found;
}

// The literal pieces between a template's placeholders, as C++ source spells them.
QStringList literalPieces(const QString& source) {
    QStringList pieces;
    for (QString piece : source.split(QRegularExpression(QStringLiteral("%[1-9]")))) {
        piece = piece.trimmed();
        if (piece.isEmpty()) continue;
        piece.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        piece.replace(QLatin1Char('"'), QLatin1String("\\\""));
        piece.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        pieces << piece;
    }
    return pieces;
}

// Every .h and .cpp under core/, adjacent string literals on consecutive lines joined.
QString coreSources() {
    QString all;
    QDirIterator it((QString(testpaths::sourceDir()) + QStringLiteral("/core")), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) all += QString::fromUtf8(file.readAll()) + QLatin1Char('\n');
    }
    static const QRegularExpression adjacent(QStringLiteral("\"[ \\t]*\\r?\\n[ \\t]*\""));
    return all.replace(adjacent, QString());
}

const Template* phraseFor(char group) {
    // One that does not need a phrase of its own group (e.g. "at least %1", not "%1 and %2").
    const char self = char(group - 'a' + 'A');
    for (const auto& t : EngineMessages::catalogue())
        if (t.group == group && !std::strchr(t.arguments, self)) return &t;
    return nullptr;
}

// The template with each placeholder filled: "x1", "x2", … or a required phrase.
QString sampleOf(const Template& t) {
    QString text = sourceOf(t);
    for (int i = 0; t.arguments[i]; ++i) {
        const char kind = t.arguments[i];
        QString value = QStringLiteral("x") + QString::number(i + 1);
        if (kind >= 'A' && kind <= 'Z') value = sampleOf(*phraseFor(char(kind - 'A' + 'a')));
        if (kind == '[') value = sampleOf(*phraseFor('k'));
        text.replace(QLatin1Char('%') + QString::number(i + 1), value);
    }
    return text;
}

std::string errorOf(const std::function<void()>& work) {
    try {
        work();
    } catch (const bertbench::Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestEngineMessages : public QObject {
    Q_OBJECT

private:
    fixtures::TempFolder temp_{"engine_messages"};
    QTranslator german_;
    bool installed_ = false;

    void installGerman() {
        const QString qm = qEnvironmentVariableIsSet("BERTBENCH_DE_QM") ? qEnvironmentVariable("BERTBENCH_DE_QM")
                                                                         : QStringLiteral(":/i18n/bertbench_de");
        QVERIFY(german_.load(qm));
        QVERIFY(QCoreApplication::installTranslator(&german_));
        installed_ = true;
    }

    // Real engine messages: the importer's FileErrors (one without a line, whose
    // reason nests a skipped row's reason, one with a line) and a model folder's.
    struct Real {
        QString message, path;
        long line;
    };
    QList<Real> realMessages() {
        QList<Real> out;
        temp_.write("empty_texts.csv", "text,label\n ,1\n\t,0\n");
        const std::string emptyTexts = temp_.file("empty_texts.csv");
        out.append({QString::fromStdString(errorOf([&] { bertbench::importDataset(emptyTexts, {}); })),
                    QString::fromStdString(emptyTexts), 0});
        temp_.write("unclosed.csv", "text,label\ngood,1\n\"never closed,0\nmore,1\n");
        const std::string unclosed = temp_.file("unclosed.csv");
        out.append({QString::fromStdString(errorOf([&] { bertbench::importDataset(unclosed, {}); })),
                    QString::fromStdString(unclosed), 3});
        std::filesystem::create_directories(temp_.file("no_config"));
        const std::string folder = temp_.file("no_config");
        out.append({QString::fromStdString(errorOf([&] { bertbench::ModelHandle::openClassifier(folder); })),
                    QString::fromStdString(folder + "/config.json"), 0});
        return out;
    }

private Q_SLOTS:
    void cleanup() {
        if (installed_) QCoreApplication::removeTranslator(&german_);
        installed_ = false;
    }

    void catalogueIsWellFormed() {
        std::set<char> groups;
        for (const auto& t : EngineMessages::catalogue()) groups.insert(t.group);
        QSet<QString> seen;
        for (const auto& t : EngineMessages::catalogue()) {
            const QString source = sourceOf(t);
            QVERIFY2(!seen.contains(source), qPrintable(QStringLiteral("listed twice: ") + source));
            seen.insert(source);
            const QStringList placeholders = placeholdersOf(source);
            QVERIFY2(placeholders.size() == int(std::strlen(t.arguments)), qPrintable(QStringLiteral("argument kinds: ") + source));
            for (int i = 0; i < placeholders.size(); ++i) {
                QVERIFY2(placeholders[i] == QLatin1Char('%') + QString::number(i + 1), qPrintable(source));
                const char kind = t.arguments[i];
                const char group = kind >= 'A' && kind <= 'Z' ? char(kind - 'A' + 'a') : kind == '[' ? 'k' : kind;
                if (kind != '.' && kind != '*' && kind != 'o')
                    QVERIFY2(groups.count(group) && phraseFor(group), qPrintable(QStringLiteral("no group for: ") + source));
            }
        }
    }

    // (a) A template whose words are no longer in core/ would silently stop matching.
    void everyTemplateAppearsInCore() {
        const QString core = coreSources();
        QVERIFY(core.size() > 100000);
        for (const auto& t : EngineMessages::catalogue())
            for (const QString& piece : literalPieces(sourceOf(t)))
                QVERIFY2(core.contains(piece), qPrintable(QStringLiteral("not in core/: \"%1\" of \"%2\"").arg(piece, sourceOf(t))));
    }

    // Also proves the order: no earlier, more general template takes another's message.
    void everyTemplateRecognisesItsSample() {
        for (const auto& t : EngineMessages::catalogue()) {
            if (t.group != 0) continue;
            const QString sample = sampleOf(t);
            QCOMPARE(EngineMessages::matchedTemplate(sample), sourceOf(t));
            QCOMPARE(EngineMessages::matchedTemplate(QStringLiteral("/data/a: b.tsv:7: ") + sample), sourceOf(t));
            QCOMPARE(EngineMessages::translate(sample), sample);  // no translator: English as it came
        }
    }

    void realMessagesAreRecognised() {
        const auto real = realMessages();
        QVERIFY(real[0].message.contains(QLatin1String("empty text")));
        for (const auto& r : real) {
            QVERIFY2(!r.message.isEmpty(), "the engine threw no error");
            QVERIFY2(!EngineMessages::matchedTemplate(r.message).isEmpty(), qPrintable(r.message));
            QCOMPARE(EngineMessages::translate(r.message), r.message);
        }
    }

    // (c) Before and after a translator is installed.
    void unknownTextStaysUnchanged() {
        const QStringList unknown = {
            QString(),
            QStringLiteral("CUDA out of memory. Tried to allocate 2.00 GiB"),
            QStringLiteral("/tmp/a.tsv:3: a reason nobody wrote"),
            QStringLiteral("only works on Tuesdays; missing the point"),
            QStringLiteral("training failed"),
        };
        for (const QString& text : unknown) QCOMPARE(EngineMessages::translate(text), text);
        installGerman();
        for (const QString& text : unknown) QCOMPARE(EngineMessages::translate(text), text);
        QCOMPARE(EngineMessages::splitName(QStringLiteral("no such split")), QStringLiteral("no such split"));
    }

    // (b) Needs the German of translations/engine_messages_de.tsv merged into bertbench_de.ts.
    void everyTemplateHasGerman() {
        installGerman();
        for (const auto& t : EngineMessages::catalogue()) {
            const QString german = german_.translate("EngineMessages", t.source);
            QVERIFY2(!german.isEmpty(), qPrintable(QStringLiteral("no German for: ") + sourceOf(t)));
            QStringList want = placeholdersOf(sourceOf(t)), have = placeholdersOf(german);
            want.sort();
            have.sort();
            QVERIFY2(want == have, qPrintable(QStringLiteral("placeholders differ: ") + german));
        }
    }

    void realMessagesComeBackInGerman() {
        const auto real = realMessages();
        installGerman();
        for (const auto& r : real) {
            const QString german = EngineMessages::translate(r.message);
            QVERIFY2(german != r.message, qPrintable(r.message));
            const QString location = r.line > 0 ? r.path + QLatin1Char(':') + QString::number(r.line) : r.path;
            QVERIFY2(german.startsWith(location + QLatin1String(": ")), qPrintable(german));
        }
        // The skipped row's reason nested in the error is translated too, its count and line kept.
        const QString nested = EngineMessages::translate(real[0].message);
        QVERIFY2(!nested.contains(QLatin1String("empty text")), qPrintable(nested));
        QVERIFY2(nested.contains(QLatin1String(" 2 ")) && nested.contains(QLatin1String(" 2:")), qPrintable(nested));
        QVERIFY(EngineMessages::splitName(QStringLiteral("validation")) != QLatin1String("validation"));
        // A list of missing columns, one named with a comma: each item whole, in German.
        const QString missing = QStringLiteral(
            "/d/x.csv:4: only 1 column; missing the label column 1 (0-based), second text column \"b, c\"");
        const QString missingGerman = EngineMessages::translate(missing);
        QVERIFY2(missingGerman.startsWith(QLatin1String("/d/x.csv:4: ")) && missingGerman.contains(QLatin1String("\"b, c\"")) &&
                     !missingGerman.contains(QLatin1String("column")),
                 qPrintable(missingGerman));
    }
};

QTEST_GUILESS_MAIN(TestEngineMessages)
#include "tst_engine_messages.moc"

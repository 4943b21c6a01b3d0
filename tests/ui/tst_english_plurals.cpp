// English plural forms: every "%n …(s)" text of the workbench (the German
// catalogue lists them all) has an English singular and plural in
// translations/bertbench_en.ts, so the English window says "1 run" and
// "3 runs", never "3 run(s)"; and the English window loads them.
#include "test_paths.h"

#include "i18n/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTranslator>
#include <QtTest>

namespace {

struct PluralText {
    QString context, source;
};

QString unescaped(QString text) {
    return text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&apos;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// The numerus messages of a .ts file, with their contexts.
QList<PluralText> pluralTexts(const QString& tsFile) {
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QString ts = QString::fromUtf8(file.readAll());
    QList<PluralText> texts;
    static const QRegularExpression contextPattern(QStringLiteral("<context>\\s*<name>([^<]*)</name>(.*?)</context>"),
                                                   QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression messagePattern(QStringLiteral("<message numerus=\"yes\">\\s*<source>([^<]*)</source>"));
    for (auto context = contextPattern.globalMatch(ts); context.hasNext();) {
        const auto c = context.next();
        for (auto message = messagePattern.globalMatch(c.captured(2)); message.hasNext();)
            texts.append({c.captured(1), unescaped(message.next().captured(1))});
    }
    return texts;
}

}  // namespace

class TestEnglishPlurals : public QObject {
    Q_OBJECT

private slots:
    void everyPluralTextHasItsEnglishForms() {
        const auto texts = pluralTexts(QString(testpaths::sourceDir()) + QStringLiteral("/translations/bertbench_de.ts"));
        QVERIFY(texts.size() > 10);
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/bertbench_en")));
        for (const auto& text : texts) {
            const QByteArray context = text.context.toUtf8(), source = text.source.toUtf8();
            for (int n : {1, 3}) {
                const QString english_ = english.translate(context.constData(), source.constData(), nullptr, n);
                QVERIFY2(!english_.isEmpty(), qPrintable(QStringLiteral("no English forms for: ") + text.source));
                QVERIFY2(!english_.contains(QLatin1String("(s)")), qPrintable(english_));
            }
        }
    }

    void theEnglishWindowSaysOneRunAndThreeRuns() {
        Language::apply(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("RunCompareView", "%n run(s) compared.", nullptr, 1),
                 QStringLiteral("1 run compared."));
        QCOMPARE(QCoreApplication::translate("RunCompareView", "%n run(s) compared.", nullptr, 3),
                 QStringLiteral("3 runs compared."));
    }
};

QTEST_MAIN(TestEnglishPlurals)
#include "tst_english_plurals.moc"

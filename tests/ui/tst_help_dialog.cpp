// The in-app user guide: HelpDialog opens the bundled pages (English and
// German) offscreen, Back and Home navigate, every link of every page leads to
// a page of the guide, the German pages are translations rather than copies,
// and the Hyperparameters page names every option of the schema by the label
// the form shows (OptionSchemaStrings::translated(field.label), as
// HyperparametersPage::retranslateRow does).
#include "dialogs/help_dialog.h"
#include "i18n/option_schema_strings.h"

#include "training/option_schema.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTranslator>
#include <QtTest>

class TestHelpDialog : public QObject {
    Q_OBJECT

private:
    static QStringList pages(const QString& folder) {
        return QDir(folder).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
    }

    static QString read(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) return {};
        return QString::fromUtf8(file.readAll());
    }

    static QStringList attributeValues(const QString& html, const QString& attribute) {
        QStringList values;
        const QRegularExpression pattern(attribute + QStringLiteral("\\s*=\\s*[\"']([^\"']*)[\"']"),
                                         QRegularExpression::CaseInsensitiveOption);
        for (auto it = pattern.globalMatch(html); it.hasNext();) values << it.next().captured(1);
        return values;
    }

    static QTextBrowser* browserOf(const HelpDialog& dialog) {
        return dialog.findChild<QTextBrowser*>(QStringLiteral("helpBrowser"));
    }

    static void addLanguageRows() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
    }

private Q_SLOTS:
    void guideFolderFollowsTheLanguage() {
        QCOMPARE(HelpDialog::guideFolder(QStringLiteral("de")), QStringLiteral(":/help/de"));
        QCOMPARE(HelpDialog::guideFolder(QStringLiteral("de_AT")), QStringLiteral(":/help/de"));
        QCOMPARE(HelpDialog::guideFolder(QStringLiteral("en")), QStringLiteral(":/help/en"));
        QCOMPARE(HelpDialog::guideFolder(QStringLiteral("fr_FR")), QStringLiteral(":/help/en"));
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(HelpDialog::guideFolder(QString()), QStringLiteral(":/help/de"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(HelpDialog::guideFolder(QString()), QStringLiteral(":/help/en"));
        QLocale::setDefault(saved);
    }

    void opensOnTheContents_data() { addLanguageRows(); }
    void opensOnTheContents() {
        QFETCH(QString, language);
        HelpDialog dialog(language);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.isModal());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("BertBench user guide"));
        auto* browser = browserOf(dialog);
        QVERIFY(browser);
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/help/%1/index.html").arg(language)));
        QVERIFY(!browser->document()->isEmpty());
        QVERIFY(browser->toPlainText().size() > 500);
        QVERIFY(browser->documentTitle().contains(QStringLiteral("BertBench")));
        QVERIFY(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("helpBack"))->isEnabled());
    }

    void backAndHomeNavigate() {
        HelpDialog dialog(QStringLiteral("en"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* browser = browserOf(dialog);
        auto* back = dialog.findChild<QPushButton*>(QStringLiteral("helpBack"));
        auto* home = dialog.findChild<QPushButton*>(QStringLiteral("helpHome"));
        QVERIFY(back && home);
        const QUrl index(QStringLiteral("qrc:/help/en/index.html"));

        dialog.showTopic(QStringLiteral("runs.html"));
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/help/en/runs.html")));
        QVERIFY(browser->documentTitle().contains(QStringLiteral("Run folders")));
        QVERIFY(back->isEnabled());
        back->click();
        QCOMPARE(browser->source(), index);
        QVERIFY(!back->isEnabled());

        dialog.showTopic(QStringLiteral("evaluate.html"));
        dialog.showTopic(QStringLiteral("model.html"));
        home->click();
        QCOMPARE(browser->source(), index);
        QTest::keyClick(browser, Qt::Key_Left, Qt::AltModifier);  // as the Back button's tooltip says
        QCOMPARE(browser->source(), QUrl(QStringLiteral("qrc:/help/en/model.html")));
        QTest::keyClick(browser, Qt::Key_Up, Qt::AltModifier);  // as Home's says
        QCOMPARE(browser->source(), index);

        dialog.showTopic(QStringLiteral("no-such-page.html"));  // falls back to the contents
        QCOMPARE(browser->source(), index);
        dialog.showTopic(QStringLiteral("../en/data.html"));
        QCOMPARE(browser->source(), index);
    }

    void everyLinkResolves_data() { addLanguageRows(); }
    void everyLinkResolves() {
        QFETCH(QString, language);
        const QString folder = HelpDialog::guideFolder(language);
        const QStringList files = pages(folder);
        QVERIFY(files.contains(QStringLiteral("index.html")));
        QVERIFY(files.size() >= 7);
        const QStringList fromIndex = attributeValues(read(folder + QStringLiteral("/index.html")), QStringLiteral("href"));
        for (const QString& file : files) {
            const QString html = read(folder + QLatin1Char('/') + file);
            QVERIFY2(!html.isEmpty(), qPrintable(file));
            QVERIFY2(html.contains(QStringLiteral("<title>")), qPrintable(file));
            QVERIFY2(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive), qPrintable(file));
            QVERIFY2(attributeValues(html, QStringLiteral("src")).isEmpty(), qPrintable(file + QStringLiteral(": no external resources")));
            if (file != QLatin1String("index.html"))
                QVERIFY2(fromIndex.contains(file), qPrintable(file + QStringLiteral(" is not linked from the contents")));
            // Every page takes the guide's one style sheet, shared by both languages.
            QVERIFY2(html.contains(QStringLiteral("<link rel=\"stylesheet\" type=\"text/css\" href=\"../guide.css\">")),
                     qPrintable(file));
            QVERIFY(QFile::exists(QDir::cleanPath(folder + QStringLiteral("/../guide.css"))));
            for (const QString& href : attributeValues(html, QStringLiteral("href"))) {
                if (href == QLatin1String("../guide.css")) continue;
                const QString where = file + QStringLiteral(": ") + href;
                const QUrl url(href);
                QVERIFY2(url.isRelative() && url.host().isEmpty(), qPrintable(where));
                const QString target = url.path().isEmpty() ? file : url.path();
                QVERIFY2(!target.contains(QLatin1Char('/')), qPrintable(where));
                QVERIFY2(QFile::exists(folder + QLatin1Char('/') + target), qPrintable(where));
                if (url.hasFragment()) {
                    const QString targetHtml = read(folder + QLatin1Char('/') + target);
                    const QStringList anchors = attributeValues(targetHtml, QStringLiteral("name")) +
                                                attributeValues(targetHtml, QStringLiteral("id"));
                    QVERIFY2(anchors.contains(url.fragment()), qPrintable(where));
                }
            }
        }
    }

    void germanIsATranslation() {
        const QString en = HelpDialog::guideFolder(QStringLiteral("en"));
        const QString de = HelpDialog::guideFolder(QStringLiteral("de"));
        QCOMPARE(pages(de), pages(en));
        const QRegularExpression umlaut(QStringLiteral("[äöüÄÖÜß]"));
        for (const QString& file : pages(en)) {
            const QString english = read(en + QLatin1Char('/') + file);
            const QString german = read(de + QLatin1Char('/') + file);
            QVERIFY2(german != english, qPrintable(file));
            QVERIFY2(german.contains(QStringLiteral("lang=\"de\"")), qPrintable(file));
            QVERIFY2(german.contains(umlaut), qPrintable(file + QStringLiteral(": German without umlauts?")));
            QVERIFY2(!german.contains(QChar::ReplacementCharacter), qPrintable(file));
        }
        HelpDialog dialog(QStringLiteral("de"));
        QVERIFY(browserOf(dialog)->documentTitle().contains(QStringLiteral("Benutzerhandbuch")));
    }

    void hyperparametersNameEveryOption_data() { addLanguageRows(); }
    void hyperparametersNameEveryOption() {
        QFETCH(QString, language);
        QTranslator german;
        if (language == QLatin1String("de")) {
            QVERIFY(german.load(QStringLiteral(":/i18n/bertbench_de")));
            QCoreApplication::installTranslator(&german);
        }
        HelpDialog dialog(language);
        dialog.showTopic(QStringLiteral("hyperparameters.html"));
        auto* browser = browserOf(dialog);
        QCOMPARE(browser->source().fileName(), QStringLiteral("hyperparameters.html"));
        const QString text = browser->toPlainText();
        QStringList missing;
        for (const auto& field : bertbench::trainingOptionFields()) {
            const QString label = OptionSchemaStrings::translated(field.label);
            if (!text.contains(label, Qt::CaseInsensitive)) missing << label;
            const QString group = OptionSchemaStrings::translated(field.group);
            if (!text.contains(group, Qt::CaseInsensitive) && !missing.contains(group)) missing << group;
        }
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the guide: ") + missing.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestHelpDialog)
#include "tst_help_dialog.moc"

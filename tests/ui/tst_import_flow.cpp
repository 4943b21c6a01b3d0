// An import that asks before it guesses: a file opened in the window is only
// previewed, with the text and label columns guessed from its header and
// contents and a note saying so; the Import button imports. A malformed row
// (a quote never closed, too many fields) stops the import with the file and
// line named, or, with Skip bad rows, is left out and listed in the report.
// The Data page's token statistics follow the Hyperparameters page's max length.
#include "fresh_window.h"

#include "data/token_length_stats.h"
#include "models/preview_table_model.h"
#include "pages/data_page.h"
#include "pages/hyperparameters_page.h"
#include "session/workbench_session.h"
#include "widgets/import_options_form.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QMessageBox* errorDialog() {
    for (auto* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w); box && box->objectName() == QLatin1String("errorDialog") && box->isVisible())
            return box;
    return nullptr;
}

void closeErrorDialogs() {
    while (auto* box = errorDialog()) {
        box->close();
        QCoreApplication::processEvents();
    }
}

// A product review of about 30 words, different for every `i`, without commas
// unless `withCommas` (then the caller must quote it).
QString review(int i, bool withCommas) {
    static const char* const products[] = {"blender", "kettle", "desk lamp", "backpack", "coffee grinder",
                                           "rice cooker", "bike light"};
    static const char* const openings[] = {"arrived two days late and the box was crushed",
                                           "showed up early and was packed with real care",
                                           "looked exactly like the photos on the product page",
                                           "felt cheaper in the hand than the price suggested",
                                           "came with a manual written in five languages"};
    static const char* const endings[] = {"I would not buy it again for myself or as a present",
                                          "it still works after months of daily use in a busy kitchen",
                                          "the support team answered my question within an hour",
                                          "the battery drains overnight even when it is switched off",
                                          "my neighbours asked where they could order one for their flat"};
    const QString separator = withCommas ? QStringLiteral(", ") : QStringLiteral(" and ");
    return QStringLiteral("The %1 %2%3%4 after %5 weeks of testing")
        .arg(QLatin1String(products[i % 7]), QLatin1String(openings[i % 5]), separator,
             QLatin1String(endings[(i / 5) % 5]))
        .arg(i + 2);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(content);
    return path;
}

// `rows` reviews, stars cycling 1..5, reviews quoted (they hold commas).
QByteArray reviewsCsv(int rows) {
    QByteArray csv = "id,review,stars\n";
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("%1,\"%2\",%3\n").arg(1000 + i).arg(review(i, true)).arg(i % 5 + 1).toUtf8();
    return csv;
}

ImportOptionsForm* optionsForm(MainWindow* window) { return window->dataPage()->findChild<ImportOptionsForm*>(); }

QPushButton* importButton(MainWindow* window) {
    return window->dataPage()->findChild<QPushButton*>(QStringLiteral("importButton"));
}

size_t importedExamples(const WorkbenchSession* session) {
    const auto& d = session->data();
    return (d.train ? d.train->examples.size() : 0) + (d.validation ? d.validation->examples.size() : 0);
}

}  // namespace

class TestImportFlow : public QObject {
    Q_OBJECT

private:
    const QString app_ = QStringLiteral("BertBenchImportFlowTest");
    QTemporaryDir dir_;

private slots:
    void cleanup() { closeErrorDialogs(); }

    void openingAFileGuessesColumnsAndWaitsForImport() {
        auto window = openFreshWindow(app_, std::nullopt);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QString path = writeFile(dir_, QStringLiteral("reviews.csv"), reviewsCsv(30));
        QVERIFY(!path.isEmpty());
        auto* session = window->session();
        QSignalSpy imported(session, &WorkbenchSession::dataChanged);

        window->openDataset(path);
        QCOMPARE(window->currentPage(), MainWindow::Data);
        QCOMPARE(window->dataPage()->file(), path);
        // Nothing is imported until the user confirms.
        QVERIFY(!imported.wait(1000));
        QVERIFY(!session->hasData());
        QCOMPARE(window->dataPage()->previewModel()->rowCount(), 30);
        QCOMPARE(window->dataPage()->previewModel()->header(), QStringList({"id", "review", "stars"}));

        auto* form = optionsForm(window.get());
        QVERIFY(form);
        const auto options = form->options();
        QCOMPARE(options.format, bertbench::DatasetFormat::Csv);
        QCOMPARE(QString::fromStdString(options.textColumn.name), QStringLiteral("review"));
        QCOMPARE(QString::fromStdString(options.labelColumn.name), QStringLiteral("stars"));
        auto* note = form->findChild<QLabel*>(QStringLiteral("columnGuessNote"));
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("review")) && note->text().contains(QStringLiteral("stars")),
                 qPrintable(note->text()));
        QVERIFY2(!errorDialog(), qPrintable(errorDialog() ? errorDialog()->text() : QString()));

        QTest::mouseClick(importButton(window.get()), Qt::LeftButton);
        QVERIFY(imported.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QVERIFY2(!errorDialog(), qPrintable(errorDialog() ? errorDialog()->text() : QString()));
        QVERIFY(session->hasData());
        auto labels = session->labelNames();
        labels.sort();
        QCOMPARE(labels, QStringList({"1", "2", "3", "4", "5"}));
        QCOMPARE(importedExamples(session), size_t(30));
        // The texts are the reviews, not the ids.
        QCOMPARE(QString::fromStdString(session->data().train->examples.front().text).left(4), QStringLiteral("The "));
    }

    void badRowsStopTheImportOrAreSkipped() {
        // Line 1 the header, 2..17 good, 18 a quote never closed, 19..22 good,
        // 23 too many fields, 24..27 good. No other quotes, no commas in texts.
        QByteArray csv = "id,review,stars\n";
        int id = 1, line = 2;
        auto good = [&] {
            csv += QStringLiteral("%1,%2,%3\n").arg(id).arg(review(id, false)).arg(id % 5 + 1).toUtf8();
            ++id;
            ++line;
        };
        while (line < 18) good();
        csv += "18,\"This review opens a quote and never closes it so the rest of the line is lost,4\n";
        ++id;
        ++line;
        while (line < 23) good();
        csv += "23,too,many,fields,on,this,line,2\n";
        ++id;
        ++line;
        while (line < 28) good();
        const int goodRows = 16 + 4 + 4;
        const QString path = writeFile(dir_, QStringLiteral("broken_reviews.csv"), csv);
        QVERIFY(!path.isEmpty());

        auto window = openFreshWindow(app_, std::nullopt);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto* session = window->session();
        window->openDataset(path);
        auto* form = optionsForm(window.get());
        QVERIFY(form);
        QCOMPARE(QString::fromStdString(form->options().textColumn.name), QStringLiteral("review"));
        QCOMPARE(QString::fromStdString(form->options().labelColumn.name), QStringLiteral("stars"));
        auto* skip = form->findChild<QCheckBox*>(QStringLiteral("skipBadRows"));
        QVERIFY(skip);
        QVERIFY(!skip->isChecked());  // off by default: a broken file is an error, not a silent loss

        // Off: an error naming the file and the first bad line; nothing imported.
        QSignalSpy failed(session, &WorkbenchSession::errorOccurred);
        QTest::mouseClick(importButton(window.get()), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(errorDialog() != nullptr, 30000);
        const QString message = errorDialog()->text();
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(path + QStringLiteral(":18")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral(":23")), qPrintable(message));
        QCOMPARE(failed.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QVERIFY(!session->hasData());
        closeErrorDialogs();

        // On: imported, the two bad lines listed with reasons, the rows after them kept.
        // On the box itself: a check box's row is wider than what a click toggles.
        QTest::mouseClick(skip, Qt::LeftButton, {}, QPoint(6, skip->height() / 2));
        QVERIFY(skip->isChecked());
        QVERIFY(form->options().skipBadRows);
        QSignalSpy imported(session, &WorkbenchSession::dataChanged);
        QTest::mouseClick(importButton(window.get()), Qt::LeftButton);
        QVERIFY(imported.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QVERIFY2(!errorDialog(), qPrintable(errorDialog() ? errorDialog()->text() : QString()));
        QVERIFY(session->hasData());
        QCOMPARE(importedExamples(session), size_t(goodRows));
        QCOMPARE(session->data().report.rowsSkipped, size_t(2));

        auto* table = window->dataPage()->skippedTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->data(Qt::DisplayRole).toLongLong(), 18LL);
        QCOMPARE(table->item(1, 0)->data(Qt::DisplayRole).toLongLong(), 23LL);
        QVERIFY2(table->item(0, 1)->text().contains(QStringLiteral("quote")), qPrintable(table->item(0, 1)->text()));
        QVERIFY2(table->item(1, 1)->text().contains(QStringLiteral("columns")), qPrintable(table->item(1, 1)->text()));

        // Every good line made an example, those after each bad line included.
        QList<long> lines;
        for (const auto* split : {session->data().train.get(), session->data().validation.get()})
            if (split)
                for (const auto& example : split->examples) lines << long(example.line);
        std::sort(lines.begin(), lines.end());
        QList<long> expected;
        for (long l = 2; l < 28; ++l)
            if (l != 18 && l != 23) expected << l;
        QCOMPARE(lines, expected);
    }

    void tokenStatisticsFollowTheTrainingMaxLength() {
        auto window = openFreshWindow(app_, std::nullopt);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto* session = window->session();
        auto* shown = window->dataPage()->findChild<QLabel*>(QStringLiteral("statisticsMaxLength"));
        QVERIFY(shown);
        auto options = window->hyperparametersPage()->options();
        QVERIFY(options.maxLength != 16);
        QCOMPARE(window->dataPage()->maxLength(), int(options.maxLength));  // in step from the start
        QVERIFY2(!shown->text().contains(QStringLiteral("16")), qPrintable(shown->text()));

        window->openDataset(writeFile(dir_, QStringLiteral("stats.csv"), reviewsCsv(30)));
        QSignalSpy imported(session, &WorkbenchSession::dataChanged);
        QTest::mouseClick(importButton(window.get()), Qt::LeftButton);
        QVERIFY(imported.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        options.maxLength = 16;
        window->hyperparametersPage()->setOptions(options);
        QCOMPARE(window->dataPage()->maxLength(), 16);
        QVERIFY2(shown->text().contains(QStringLiteral("16")), qPrintable(shown->text()));
        const auto& lengths = session->data().lengths;
        QCOMPARE(lengths.count, size_t(30));
        QVERIFY2(lengths.truncatedAt(16) > 0, qPrintable(QString::number(lengths.max)));
        QVERIFY(lengths.truncatedAt(16) >= lengths.truncatedAt(64));
    }
};

QTEST_MAIN(TestImportFlow)
#include "tst_import_flow.moc"

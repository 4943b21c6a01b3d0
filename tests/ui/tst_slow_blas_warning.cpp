// The window on the reference BLAS (ctest puts libblas3's first on the library
// path for this test): the status bar says, in the window's language, that
// matrix products are slow and what to install; saved as screenshots.
#include "test_paths.h"
#include "fresh_window.h"

#include "runtime/blas_library.h"

#include <QLabel>
#include <QStatusBar>
#include <QtTest>

class TestSlowBlasWarning : public QObject {
    Q_OBJECT

private slots:
    void theStatusBarNamesTheSlowBlas() {
        QCOMPARE(int(bertbench::loadedBlasLibrary()), int(bertbench::BlasLibrary::Reference));
        auto window = openFreshWindow(QStringLiteral("BertBenchSlowBlasTest"), std::nullopt);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto* warning = window->statusBar()->findChild<QLabel*>(QStringLiteral("slowBlasWarning"));
        QVERIFY(warning);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("reference BLAS")) &&
                     warning->text().contains(QStringLiteral("libopenblas0-openmp")),
                 qPrintable(warning->text()));
        QDir().mkpath(QString(testpaths::screenshotDir()));
        window->grab().save((QString(testpaths::screenshotDir()) + QStringLiteral("/slow-blas-en.png")));
        window->setLanguage(QStringLiteral("de"));
        QVERIFY2(warning->text().startsWith(QStringLiteral("Langsam: Matrixprodukte laufen auf der Referenz-BLAS")),
                 qPrintable(warning->text()));
        window->grab().save((QString(testpaths::screenshotDir()) + QStringLiteral("/slow-blas-de.png")));
        window->setLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestSlowBlasWarning)
#include "tst_slow_blas_warning.moc"

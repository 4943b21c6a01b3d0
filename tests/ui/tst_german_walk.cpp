// German strings on every page: with the window switched to German, every
// visible text of every page (labels, buttons, group titles, combo items,
// placeholders, tabs, table headers, progress texts, chart titles and axes,
// the window title, the status bar, the menus) is checked against the English
// sources of translations/bertbench_de.ts and a short list of unmistakably
// English words; once right after the switch (what retranslation leaves
// behind) and once after training, evaluating and predicting again in German.
// All leftovers are reported at once (and printed). A walk in English first
// proves the check finds English where there is English.
#include "fresh_window.h"

#include "pages/attention_page.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "pages/predict_page.h"
#include "pages/train_page.h"
#include "models/preview_table_model.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include "qcustomplot.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTreeView>
#include <QXmlStreamReader>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtTest>

#include <cstdio>

namespace {

// What a person reads: mnemonics gone, rich text as plain text, spaces collapsed.
QString readable(QString text) {
    if (Qt::mightBeRichText(text)) text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
    text.replace(QChar(0x01), QLatin1Char('&'));
    text.replace(QChar(0x2029), QLatin1Char(' '));
    return text.simplified();
}

bool hasLetters(const QString& text) {
    static const QRegularExpression letters(QStringLiteral("\\p{L}{2,}"));
    return letters.match(text).hasMatch();
}

// A source with %1, %n, %L1: a regular expression for the whole text, the
// placeholders matching anything. Empty when the source has no placeholder.
QString patternOf(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%L?(\\d+|n)|%[pvm]"));
    if (!placeholder.match(text).hasMatch()) return {};
    QString pattern;
    int at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        pattern += QRegularExpression::escape(text.mid(at, m.capturedStart() - at)) + QStringLiteral(".+?");
        at = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(at));
    return QStringLiteral("^") + pattern + QStringLiteral("$");
}

// One <message> of the .ts file whose translation differs from its source.
struct Message {
    QString context;
    QString source;               // readable()
    QStringList translations;     // readable(), every numerus form
    QRegularExpression pattern;   // of source; invalid when it has no placeholder
    QList<QRegularExpression> translationPatterns;
    int fixedLength = 0;          // characters of the source outside its placeholders
};

QList<Message> translatedMessages(const QString& tsPath, QString* error) {
    QList<Message> messages;
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context, source;
    QStringList translations;
    bool obsolete = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name")) context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) translations.clear(), source.clear(), obsolete = false;
            else if (xml.name() == QLatin1String("source")) source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                obsolete = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
                // A plain translation or numerusform children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters()) text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) break;
                }
                if (translations.isEmpty()) translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (obsolete) continue;
            Message m;
            m.context = context;
            m.source = readable(source);
            // An empty (unfinished) translation leaves the English source on screen:
            // kept, with no German text to tell it from.
            for (const auto& t : translations)
                if (!t.trimmed().isEmpty()) m.translations << readable(t);
            if (m.translations.contains(m.source) || !hasLetters(m.source)) continue;
            if (const QString p = patternOf(m.source); !p.isEmpty()) {
                // Only a pattern whose fixed part says something in words.
                QString fixed = m.source;
                fixed.remove(QRegularExpression(QStringLiteral("%L?(\\d+|n)|%[pvm]")));
                if (hasLetters(fixed)) m.pattern = QRegularExpression(p, QRegularExpression::DotMatchesEverythingOption);
                m.fixedLength = int(fixed.size());
            }
            for (const auto& t : m.translations)
                if (const QString p = patternOf(t); !p.isEmpty())
                    m.translationPatterns << QRegularExpression(p, QRegularExpression::DotMatchesEverythingOption);
            messages << m;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return messages;
}

// Words no German sentence of this UI uses (checked against the translations;
// "Training", "Import", "Start", "Attention", "Token(s)", "Label(s)", "Head(s)",
// "Batch", "Text", "Rate", "Format" and "was" are German here too).
const QSet<QString>& englishWords() {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* w :
             {"the", "and", "with", "of", "to", "for", "is", "are", "this", "that", "your", "not", "no", "new", "yet",
              "or", "on", "at", "by", "be", "it", "as", "than", "only", "when", "will", "has", "have", "can", "click",
              "press", "open", "save", "browse", "stop", "pause", "model", "models", "predict", "evaluate", "preview",
              "settings", "quit", "file", "files", "help", "load", "show", "choose", "export", "resume", "data", "step",
              "steps", "epoch", "epochs", "accuracy", "validation", "split", "examples", "example", "sentence",
              "sentences", "layer", "layers", "loss", "classes", "class", "run", "runs", "folder", "dataset", "column",
              "columns", "line", "lines", "row", "rows", "learning", "evaluation", "cancel", "close", "apply", "reset",
              "custom", "preset", "delimiter", "header", "comma", "none", "default"})
            set << QString::fromLatin1(w);
        return set;
    }();
    return words;
}

// Whole words only; a token joined by - _ . / \ (bert-base-uncased,
// in_domain_train.tsv, /tmp/...) is a name, not a word of the UI.
QStringList englishWordsIn(const QString& text) {
    static const QRegularExpression token(QStringLiteral("[\\p{L}\\p{N}_\\-./\\\\]+"));
    QStringList found;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (englishWords().contains(word.toLower()) && !found.contains(word)) found << word;
    }
    return found;
}

struct Seen {
    QString page;
    QString where;
    QString text;  // readable()
};

// The widget's class and name; for an unnamed one, the nearest named ancestor
// or page, plot or form it sits in.
QString describe(const QObject* object) {
    QString where = QString::fromLatin1(object->metaObject()->className());
    if (!object->objectName().isEmpty()) return where + QLatin1Char('#') + object->objectName();
    for (const QObject* p = object->parent(); p; p = p->parent()) {
        const QString cls = QString::fromLatin1(p->metaObject()->className());
        const bool named = !p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_")) &&
                           p->objectName() != QLatin1String("MainWindow");
        const bool role = cls.endsWith(QLatin1String("Page")) || cls.endsWith(QLatin1String("Plot")) ||
                          cls.endsWith(QLatin1String("Form"));
        if (named || role)
            return where + QStringLiteral(" in ") + cls + (p->objectName().isEmpty() ? QString() : QLatin1Char('#') + p->objectName());
    }
    return where;
}

class Walker {
public:
    Walker(MainWindow* window) : window_(window) {}

    void walkAllPages() {
        seen_.clear();
        keys_.clear();
        const QList<std::pair<MainWindow::Page, QString>> pages = {
            {MainWindow::Welcome, "Welcome"},     {MainWindow::Data, "Data"},
            {MainWindow::Model, "Model"},         {MainWindow::Hyperparameters, "Hyperparameters"},
            {MainWindow::Train, "Train"},         {MainWindow::Evaluate, "Evaluate"},
            {MainWindow::Predict, "Predict"},     {MainWindow::Attention, "Attention"}};
        for (const auto& [page, name] : pages) {
            window_->showPage(page);
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            walkPage(name);
        }
    }

    const QList<Seen>& seen() const { return seen_; }

private:
    void add(const QString& page, const QObject* object, const QString& what, const QString& raw) {
        const QString text = readable(raw);
        if (text.isEmpty() || !hasLetters(text)) return;
        const QString where = describe(object) + (what.isEmpty() ? QString() : QStringLiteral(" [") + what + QLatin1Char(']'));
        const QString key = where + QChar(0x1f) + text;
        if (keys_.contains(key)) return;  // the window's frame, seen on every page: once
        keys_.insert(key);
        seen_ << Seen{page, where, text};
    }

    void walkMenu(const QString& page, const QMenu* menu, const QString& path) {
        for (QAction* a : menu->actions()) {
            if (a->isSeparator() || !a->isVisible()) continue;
            add(page, a, path, a->text());
            if (a->menu()) walkMenu(page, a->menu(), path + QLatin1Char('/') + readable(a->text()));
        }
    }

    void walkHeaders(const QString& page, const QAbstractItemView* view) {
        const QAbstractItemModel* model = view->model();
        if (!model) return;
        const QHeaderView* horizontal = nullptr;
        const QHeaderView* vertical = nullptr;
        if (auto* table = qobject_cast<const QTableView*>(view)) {
            horizontal = table->horizontalHeader();
            vertical = table->verticalHeader();
        } else if (auto* tree = qobject_cast<const QTreeView*>(view)) {
            horizontal = tree->header();
        }
        if (horizontal && !horizontal->isHidden())
            for (int c = 0; c < model->columnCount(); ++c)
                add(page, view, QStringLiteral("column %1").arg(c), model->headerData(c, Qt::Horizontal).toString());
        if (vertical && !vertical->isHidden())
            for (int r = 0; r < std::min(3, model->rowCount()); ++r)
                add(page, view, QStringLiteral("row %1").arg(r), model->headerData(r, Qt::Vertical).toString());
    }

    void walkPlot(const QString& page, QCustomPlot* plot) {
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes())
                if (axis->visible()) add(page, plot, QStringLiteral("axis"), axis->label());
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
            if (auto* title = qobject_cast<QCPTextElement*>(element); title && title->visible())
                add(page, plot, QStringLiteral("title"), title->text());
        if (plot->legend && plot->legend->visible())
            for (int i = 0; i < plot->legend->itemCount(); ++i)
                if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
                    add(page, plot, QStringLiteral("legend"), item->plottable()->name());
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->visible())
                add(page, plot, QStringLiteral("text item"), text->text());
    }

    void walkChart(const QString& page, QChartView* view) {
        QChart* chart = view->chart();
        if (!chart) return;
        add(page, view, QStringLiteral("chart title"), chart->title());
        for (QAbstractAxis* axis : chart->axes())
            if (axis->isVisible() && axis->isTitleVisible()) add(page, view, QStringLiteral("axis"), axis->titleText());
        if (chart->legend() && chart->legend()->isVisible())
            for (QLegendMarker* marker : chart->legend()->markers())
                if (marker->isVisible()) add(page, view, QStringLiteral("legend"), marker->label());
    }

    void walkPage(const QString& page) {
        add(page, window_, QStringLiteral("window title"), window_->windowTitle().remove(QStringLiteral("[*]")));
        add(page, window_->statusBar(), QStringLiteral("message"), window_->statusBar()->currentMessage());
        for (QAction* a : window_->menuBar()->actions()) {
            if (a->isSeparator() || !a->isVisible()) continue;
            add(page, a, QStringLiteral("menu bar"), a->text());
            if (a->menu()) walkMenu(page, a->menu(), readable(a->text()));
        }
        for (QWidget* w : window_->findChildren<QWidget*>()) {
            if (!w->isVisible()) continue;
            if (auto* label = qobject_cast<QLabel*>(w)) {
                add(page, w, {}, label->text());
            } else if (auto* link = qobject_cast<QCommandLinkButton*>(w)) {
                add(page, w, {}, link->text());
                add(page, w, QStringLiteral("description"), link->description());
            } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                add(page, w, {}, button->text());
            }
            if (auto* box = qobject_cast<QGroupBox*>(w)) add(page, w, QStringLiteral("title"), box->title());
            if (auto* combo = qobject_cast<QComboBox*>(w))
                for (int i = 0; i < combo->count(); ++i) add(page, w, QStringLiteral("item %1").arg(i), combo->itemText(i));
            if (auto* edit = qobject_cast<QLineEdit*>(w)) add(page, w, QStringLiteral("placeholder"), edit->placeholderText());
            if (auto* edit = qobject_cast<QPlainTextEdit*>(w)) add(page, w, QStringLiteral("placeholder"), edit->placeholderText());
            if (auto* edit = qobject_cast<QTextEdit*>(w)) add(page, w, QStringLiteral("placeholder"), edit->placeholderText());
            if (auto* spin = qobject_cast<QAbstractSpinBox*>(w)) {
                add(page, w, QStringLiteral("special value"), spin->specialValueText());
                if (auto* s = qobject_cast<QSpinBox*>(w)) {
                    add(page, w, QStringLiteral("prefix"), s->prefix());
                    add(page, w, QStringLiteral("suffix"), s->suffix());
                }
                if (auto* s = qobject_cast<QDoubleSpinBox*>(w)) {
                    add(page, w, QStringLiteral("prefix"), s->prefix());
                    add(page, w, QStringLiteral("suffix"), s->suffix());
                }
            }
            if (auto* bar = qobject_cast<QProgressBar*>(w); bar && bar->isTextVisible())
                add(page, w, QStringLiteral("progress text"), bar->text());
            if (auto* tabs = qobject_cast<QTabWidget*>(w))
                for (int i = 0; i < tabs->count(); ++i) add(page, w, QStringLiteral("tab %1").arg(i), tabs->tabText(i));
            if (auto* list = qobject_cast<QListWidget*>(w))
                for (int i = 0; i < list->count(); ++i) add(page, w, QStringLiteral("item %1").arg(i), list->item(i)->text());
            if (auto* view = qobject_cast<QAbstractItemView*>(w)) walkHeaders(page, view);
            if (auto* plot = qobject_cast<QCustomPlot*>(w)) walkPlot(page, plot);
            if (auto* chart = qobject_cast<QChartView*>(w)) walkChart(page, chart);
        }
    }

    MainWindow* window_;
    QList<Seen> seen_;
    QSet<QString> keys_;
};

struct Finding {
    Seen seen;
    QString why;
    QString source;  // the English source it equals or matches, if any
};

class EnglishCheck {
public:
    EnglishCheck(QList<Message> messages, QSet<QString> dataTexts)
        : messages_(std::move(messages)), data_(std::move(dataTexts)) {}

    QList<Finding> check(const QList<Seen>& seen, bool withWords) const {
        QList<Finding> findings;
        for (const auto& s : seen) {
            if (data_.contains(s.text) || QFileInfo(s.text).isAbsolute()) continue;
            // An exact source first; else the pattern with the most fixed text.
            QString source, why;
            int fixedLength = -1;
            for (const auto& m : messages_) {
                if (m.translations.contains(s.text)) continue;
                bool germanToo = false;
                for (const auto& p : m.translationPatterns) germanToo = germanToo || p.match(s.text).hasMatch();
                if (germanToo) continue;
                if (m.source == s.text) {
                    source = m.source;
                    why = QStringLiteral("equals the English source (%1)").arg(m.context);
                    break;
                }
                if (!m.pattern.pattern().isEmpty() && m.fixedLength > fixedLength && m.pattern.match(s.text).hasMatch()) {
                    fixedLength = m.fixedLength;
                    source = m.source;
                    why = QStringLiteral("matches the English source \"%1\" (%2)").arg(m.source, m.context);
                }
            }
            if (why.isEmpty() && withWords) {
                const QStringList words = englishWordsIn(s.text);
                if (!words.isEmpty()) why = QStringLiteral("English word(s): ") + words.join(QStringLiteral(", "));
            }
            if (!why.isEmpty()) findings << Finding{s, why, source};
        }
        return findings;
    }

private:
    QList<Message> messages_;
    QSet<QString> data_;
};

QString report(const QList<Finding>& findings) {
    QString text;
    for (const auto& f : findings)
        text += QStringLiteral("  [%1] %2: \"%3\" — %4\n").arg(f.seen.page, f.seen.where, f.seen.text, f.why);
    return text;
}

}  // namespace

class TestGermanWalk : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    QList<Message> messages_;
    const QString typed_ = QStringLiteral("Cats sleep.");

    // Texts that are the user's data, shown as they are in any language.
    QSet<QString> dataTexts() const {
        QSet<QString> texts;
        auto* session = window_->session();
        for (const auto& l : session->labelNames()) texts << readable(l);
        for (const auto& l : session->model().summary.labels) texts << readable(QString::fromStdString(l));
        if (session->holdout().train)
            for (const auto& l : session->holdout().train->labelNames) texts << readable(QString::fromStdString(l));
        for (const auto& c : window_->dataPage()->previewModel()->header()) texts << readable(c);
        texts << typed_ << QStringLiteral("Hunde bellen.");
        for (const QString& path : {session->data().request.path, session->holdout().request.path, session->model().folder})
            if (!path.isEmpty()) texts << QFileInfo(path).fileName() << path;
        return texts;
    }

    // Content on every page: two steps trained, one evaluation, a prediction, attention.
    void fillPages(const QString& sentence) {
        auto* session = window_->session();
        auto options = window_->hyperparametersPage()->options();
        options.maxSteps = 2;
        options.batchSize = 8;
        window_->hyperparametersPage()->setOptions(options);
        window_->showPage(MainWindow::Train);
        QSignalSpy finished(window_->training(), &TrainingController::finished);
        window_->trainPage()->start();
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        window_->showPage(MainWindow::Evaluate);
        QSignalSpy evaluated(session, &WorkbenchSession::evaluated);
        window_->evaluatePage()->evaluate();
        QVERIFY(evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        window_->showPage(MainWindow::Predict);
        QSignalSpy predicted(window_->predictPage(), &PredictPage::predicted);
        auto* edit = window_->predictPage()->findChild<QPlainTextEdit*>(QStringLiteral("sentenceEdit"));
        QVERIFY(edit);
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, sentence);
        QVERIFY(predicted.wait(20000));

        QSignalSpy shown(window_->attentionPage(), &AttentionPage::shown);
        window_->showPage(MainWindow::Attention);
        QVERIFY(shown.wait(20000) || !shown.isEmpty());
    }

    // Walks every page in the current language; fails listing every English text.
    void expectGerman(const QString& what) {
        Walker walker(window_.get());
        walker.walkAllPages();
        QVERIFY2(walker.seen().size() > 100, qPrintable(QString::number(walker.seen().size())));
        if (qEnvironmentVariableIsSet("BERTBENCH_WALK_DUMP"))
            for (const auto& seen : walker.seen())
                std::printf("  seen [%s] %s: \"%s\"\n", qPrintable(seen.page), qPrintable(seen.where), qPrintable(seen.text));
        const auto findings = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/true);
        const QString list = report(findings);
        std::printf("German walk (%s): %d visible texts, %d English leftovers\n%s", qPrintable(what),
                    int(walker.seen().size()), int(findings.size()), qPrintable(list));
        std::fflush(stdout);
        if (!findings.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 English text(s) in the German UI (%2):\n%3")
                                 .arg(findings.size())
                                 .arg(what, list)));
    }

private slots:
    void initTestCase() {
        QString error;
        messages_ = translatedMessages(QStringLiteral(BERTBENCH_SOURCE_DIR "/translations/bertbench_de.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages_.size() > 300, qPrintable(QString::number(messages_.size())));

        window_ = openFreshWindow(QStringLiteral("BertBenchGermanWalkTest"));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->setLanguage(QStringLiteral("en"));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(session->holdout().train && !session->isBusy(), 60000);

        fillPages(typed_);
    }

    void cleanupTestCase() {
        if (window_) window_->setLanguage(QStringLiteral("en"));
        window_.reset();
    }

    void theCheckFindsEnglishInEnglish() {
        window_->setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        Walker walker(window_.get());
        walker.walkAllPages();
        QVERIFY2(walker.seen().size() > 100, qPrintable(QString::number(walker.seen().size())));
        const auto findings = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/false);
        QSet<QString> sources;
        for (const auto& f : findings) sources << f.source;
        QVERIFY2(sources.size() >= 20, qPrintable(QStringLiteral("only %1 English sources found in English:\n%2")
                                                      .arg(sources.size())
                                                      .arg(report(findings))));
        const auto withWords = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/true);
        QVERIFY(withWords.size() > findings.size());  // the word list catches what no source matches
        qInfo("English walk: %d texts, %d English sources matched, %d with words", int(walker.seen().size()),
              int(sources.size()), int(withWords.size()));
    }

    // Switched while every page shows English content: what retranslation leaves behind.
    void everyVisibleTextIsGerman() {
        window_->setLanguage(QStringLiteral("de"));
        QCoreApplication::processEvents();
        QStringList titles;
        for (auto* a : window_->menuBar()->actions()) titles << a->text();
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(',')));
        expectGerman(QStringLiteral("after switching"));
    }

    // Trained, evaluated and predicted again in German: what is English even when made in German.
    void contentMadeInGermanIsGerman() {
        window_->setLanguage(QStringLiteral("de"));
        QCoreApplication::processEvents();
        fillPages(QStringLiteral("Hunde bellen."));
        if (QTest::currentTestFailed()) return;
        expectGerman(QStringLiteral("content made in German"));
    }
};

QTEST_MAIN(TestGermanWalk)
#include "tst_german_walk.moc"

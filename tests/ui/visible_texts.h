// The visible texts of a main window, page by page, as a person reads them
// (labels, buttons, titles, combo items, placeholders, headers, chart texts,
// menus, status bar): what tst_german_walk checks for English leftovers.
#pragma once

#include "window/main_window.h"

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

namespace germanwalk {


// What a person reads: mnemonics gone, rich text as plain text, spaces collapsed.
inline QString readable(QString text) {
    if (Qt::mightBeRichText(text)) text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
    text.replace(QChar(0x01), QLatin1Char('&'));
    text.replace(QChar(0x2029), QLatin1Char(' '));
    return text.simplified();
}

inline bool hasLetters(const QString& text) {
    static const QRegularExpression letters(QStringLiteral("\\p{L}{2,}"));
    return letters.match(text).hasMatch();
}

// A source with %1, %n, %L1: a regular expression for the whole text, the
// placeholders matching anything. Empty when the source has no placeholder.
struct Seen {
    QString page;
    QString where;
    QString text;  // readable()
};

// The widget's class and name; for an unnamed one, the nearest named ancestor
// or page, plot or form it sits in.
inline QString describe(const QObject* object) {
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
            // A page's tabs hold texts too (the Attention page's views): each shown once.
            for (auto* tabs : window_->findChildren<QTabWidget*>()) {
                if (!tabs->isVisible()) continue;
                const int shown = tabs->currentIndex();
                for (int i = 0; i < tabs->count(); ++i) {
                    if (i == shown) continue;
                    tabs->setCurrentIndex(i);
                    QCoreApplication::processEvents();
                    walkPage(name + QLatin1Char('/') + readable(tabs->tabText(i)));
                }
                tabs->setCurrentIndex(shown);
            }
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

}  // namespace germanwalk

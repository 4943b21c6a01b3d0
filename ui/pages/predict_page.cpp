// PredictPage: see predict_page.h.
#include "pages/predict_page.h"

#include "session/prediction_service.h"
#include "plots/probability_bars_plot.h"

#include <QLocale>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// Binary labels that read as acceptability judgements get a plain-words verdict.
bool isAcceptability(const std::vector<std::string>& labels) {
    if (labels.size() != 2) return false;
    for (const auto& l : labels)
        if (QString::fromStdString(l).contains(QLatin1String("accept"), Qt::CaseInsensitive)) return true;
    return false;
}

QString csvField(QString s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}
}  // namespace

PredictPage::PredictPage(PredictionService* service, QWidget* parent) : QWidget(parent), service_(service) {
    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);  // long enough to skip keystrokes, short enough to feel live
    connect(debounce_, &QTimer::timeout, this, &PredictPage::requestNow);

    sentenceGroup_ = new QGroupBox(this);
    sentence_ = new QPlainTextEdit(sentenceGroup_);
    sentence_->setObjectName(QStringLiteral("sentenceEdit"));
    sentence_->setMaximumHeight(90);
    QFont big = sentence_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    sentence_->setFont(big);
    (new QVBoxLayout(sentenceGroup_))->addWidget(sentence_);
    connect(sentence_, &QPlainTextEdit::textChanged, debounce_, qOverload<>(&QTimer::start));

    resultGroup_ = new QGroupBox(this);
    verdict_ = new QLabel(resultGroup_);
    verdict_->setObjectName(QStringLiteral("verdict"));
    QFont verdictFont = verdict_->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.8);
    verdictFont.setBold(true);
    verdict_->setFont(verdictFont);
    bars_ = new ProbabilityBarsPlot(resultGroup_);
    bars_->setMinimumHeight(bars_->sizeHint().height());
    details_ = new QLabel(resultGroup_);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* resultLayout = new QVBoxLayout(resultGroup_);
    resultLayout->addWidget(verdict_);
    resultLayout->addWidget(bars_);
    resultLayout->addWidget(details_);
    resultLayout->addStretch(1);

    fileGroup_ = new QGroupBox(this);
    openFile_ = new QPushButton(fileGroup_);
    exportCsv_ = new QPushButton(fileGroup_);
    exportCsv_->setEnabled(false);
    fileProgress_ = new QProgressBar(fileGroup_);
    fileProgress_->setRange(0, 100);
    fileResults_ = new QStandardItemModel(this);
    fileView_ = new QTableView(fileGroup_);
    fileView_->setModel(fileResults_);
    fileView_->setSortingEnabled(true);
    fileView_->verticalHeader()->hide();
    fileView_->setWordWrap(false);
    fileView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* fileBar = new QHBoxLayout;
    fileBar->addWidget(openFile_);
    fileBar->addWidget(fileProgress_, 1);
    fileBar->addWidget(exportCsv_);
    auto* fileLayout = new QVBoxLayout(fileGroup_);
    fileLayout->addLayout(fileBar);
    fileLayout->addWidget(fileView_);
    connect(openFile_, &QPushButton::clicked, this, &PredictPage::chooseFileToPredict);
    connect(exportCsv_, &QPushButton::clicked, this, &PredictPage::chooseCsvToExport);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(sentenceGroup_);
    topLayout->addWidget(resultGroup_, 1);
    split->addWidget(top);
    split->addWidget(fileGroup_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    (new QVBoxLayout(this))->addWidget(split);

    connect(service_, &PredictionService::predicted, this, &PredictPage::show);
    connect(service_, &PredictionService::availabilityChanged, this, [this](bool available) {
        if (available) requestNow();
        else showVerdict();
    });
    connect(service_, &PredictionService::modelReplaced, this, &PredictPage::requestNow);
    connect(service_, &PredictionService::fileProgress, this, [this](double f) { fileProgress_->setValue(int(f * 100)); });
    connect(service_, &PredictionService::filePredicted, this, &PredictPage::showFileResults);
    retranslateUi();
}

void PredictPage::retranslateUi() {
    sentenceGroup_->setTitle(tr("Sentence"));
    sentence_->setPlaceholderText(tr("Type a sentence; the prediction follows as you type."));
    resultGroup_->setTitle(tr("Prediction"));
    fileGroup_->setTitle(tr("Whole file (one sentence per line)"));
    openFile_->setText(tr("Predict file…"));
    exportCsv_->setText(tr("Export CSV…"));
    fileResults_->setHorizontalHeaderLabels({tr("Sentence"), tr("Label"), tr("Confidence")});
    fileView_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    showVerdict();
}

void PredictPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void PredictPage::setSentence(const QString& text) {
    if (text == sentence_->toPlainText()) return;  // also ends the Attention page's echo
    sentence_->setPlainText(text);
    requestNow();
}

void PredictPage::requestNow() {
    debounce_->stop();
    const QString text = sentence_->toPlainText().trimmed();
    if (text.isEmpty()) {
        hasResult_ = false;
        bars_->setProbabilities({}, {});
        showVerdict();
        return;
    }
    pending_ = service_->request(text, false);
    showVerdict();
    emit sentenceChanged(sentence_->toPlainText());
}

void PredictPage::show(int id, const bertbench::Prediction& prediction) {
    if (id != pending_) return;  // an answer to an older question, or the Attention page's
    last_ = prediction;
    hasResult_ = true;
    QVector<float> probabilities;
    for (float p : prediction.probabilities) probabilities << p;
    // Label names are the model's id2label, shown as the model has them.
    bars_->setProbabilities(service_->labels(), probabilities);
    showVerdict();
    emit predicted();
}

QString PredictPage::verdict() const { return verdict_->text(); }

void PredictPage::showVerdict() {
    if (!service_->isAvailable()) {
        verdict_->setText(tr("Prediction is paused while training runs."));
        verdict_->setStyleSheet(QStringLiteral("color: palette(mid);"));
        return;
    }
    if (!hasResult_) {
        verdict_->setText(tr("—"));
        verdict_->setStyleSheet(QString());
        details_->clear();
        return;
    }
    const auto& p = last_;
    const double confidence = double(p.probabilities[size_t(p.labelId)]) * 100;
    const auto labels = toStdVector(service_->labels());
    QString text;
    if (isAcceptability(labels)) {
        const bool acceptable = !QString::fromStdString(p.label).startsWith(QLatin1String("un"), Qt::CaseInsensitive) &&
                                !QString::fromStdString(p.label).startsWith(QLatin1String("not"), Qt::CaseInsensitive);
        text = acceptable ? tr("Acceptable — %1 %").arg(QLocale().toString(confidence, 'f', 1))
                          : tr("Unacceptable — %1 %").arg(QLocale().toString(confidence, 'f', 1));
        verdict_->setStyleSheet(acceptable ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b22222;"));
    } else {
        text = tr("%1 — %2 %").arg(qs(p.label)).arg(QLocale().toString(confidence, 'f', 1));
        verdict_->setStyleSheet(QStringLiteral("color: #1f4e96;"));
    }
    verdict_->setText(text);
    QString info = tr("%n token(s): ", nullptr, int(p.tokens.size())) + toQStringList(p.readableTokens).join(QLatin1Char(' ')).toHtmlEscaped();
    if (p.truncated()) info += QStringLiteral("<br><b>") + tr("Truncated from %1 tokens.").arg(p.untruncatedLength) + QStringLiteral("</b>");
    details_->setText(info);
}

void PredictPage::chooseFileToPredict() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Predict a file"), QString(),
                                                      tr("Text files (*.txt *.tsv *.csv);;All files (*)"));
    if (!path.isEmpty()) predictFile(path);
}

void PredictPage::predictFile(const QString& path) {
    fileProgress_->setValue(0);
    service_->predictFile(path);
}

int PredictPage::fileResultCount() const { return fileResults_->rowCount(); }

void PredictPage::showFileResults(const QString&, const QStringList& texts, const QVector<int>& labelIds,
                                  const QVector<QVector<float>>& probabilities) {
    const QStringList names = service_->labels();
    fileResults_->removeRows(0, fileResults_->rowCount());
    for (int i = 0; i < texts.size() && i < labelIds.size() && i < probabilities.size(); ++i) {
        const double p = double(probabilities[i].value(labelIds[i]));
        auto* confidence = new QStandardItem(QLocale().toString(p * 100, 'f', 1) + QStringLiteral(" %"));
        confidence->setData(p, Qt::UserRole);
        // Every class's probability rides on the label cell, so sorting keeps it with its row.
        auto* label = new QStandardItem(names.value(labelIds[i], QString::number(labelIds[i])));
        QVariantList all;
        for (float q : probabilities[i]) all << double(q);
        label->setData(all, Qt::UserRole);
        fileResults_->appendRow({new QStandardItem(texts[i]), label, confidence});
    }
    fileView_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    fileProgress_->setValue(100);
    exportCsv_->setEnabled(fileResults_->rowCount() > 0);
    emit filePredicted(fileResults_->rowCount());
}

void PredictPage::chooseCsvToExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export predictions"), QStringLiteral("predictions.csv"),
                                                      tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export predictions"), tr("Could not write %1: %2").arg(path, error));
}

bool PredictPage::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);  // a temporary name, renamed on commit
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) *error = file.errorString();
        return false;
    }
    // Machine-readable column names, not translated: scripts read this file.
    QTextStream out(&file);
    out << "text,label,confidence";
    for (const QString& name : service_->labels()) out << ',' << csvField(QStringLiteral("p_") + name);
    out << '\n';
    for (int r = 0; r < fileResults_->rowCount(); ++r) {
        out << csvField(fileResults_->item(r, 0)->text()) << ',' << csvField(fileResults_->item(r, 1)->text()) << ','
            << fileResults_->item(r, 2)->data(Qt::UserRole).toDouble();
        for (const QVariant& p : fileResults_->item(r, 1)->data(Qt::UserRole).toList()) out << ',' << p.toDouble();
        out << '\n';
    }
    out.flush();
    if (!file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

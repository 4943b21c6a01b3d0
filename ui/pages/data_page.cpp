// DataPage: see data_page.h.
#include "pages/data_page.h"

#include "i18n/engine_messages.h"
#include "plots/dataset_charts_plot.h"
#include "widgets/import_options_form.h"
#include "models/preview_table_model.h"
#include "session/workbench_session.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using bertbench::DatasetFormat;

DataPage::DataPage(WorkbenchSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    preview_ = new PreviewTableModel(this);
    previewTimer_ = new QTimer(this);
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(150);  // coalesces a burst of option changes into one read
    connect(previewTimer_, &QTimer::timeout, this, &DataPage::refreshPreview);

    // Left column: what to read and how.
    fileGroup_ = new QGroupBox(this);
    path_ = new QLineEdit(fileGroup_);
    path_->setObjectName(QStringLiteral("datasetPath"));
    browse_ = new QPushButton(fileGroup_);
    auto* fileRow = new QHBoxLayout(fileGroup_);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse_);
    connect(browse_, &QPushButton::clicked, this, &DataPage::browse);
    connect(path_, &QLineEdit::editingFinished, previewTimer_, qOverload<>(&QTimer::start));

    options_ = new ImportOptionsForm(preview_, this);
    connect(options_, &ImportOptionsForm::readingChanged, previewTimer_, qOverload<>(&QTimer::start));

    splitGroup_ = new QGroupBox(this);
    auto* splitForm = new QFormLayout(splitGroup_);
    splitForm->setRowWrapPolicy(QFormLayout::WrapLongRows);  // German labels: above the field, not clipped
    ratio_ = new QDoubleSpinBox(splitGroup_);
    ratio_->setRange(0, 50);
    ratio_->setDecimals(1);
    ratio_->setSuffix(QStringLiteral(" %"));
    ratio_->setValue(10);
    seed_ = new QSpinBox(splitGroup_);
    seed_->setRange(0, 1 << 30);
    seed_->setValue(2018);
    stratified_ = new QCheckBox(splitGroup_);
    maxLengthValue_ = new QLabel(splitGroup_);
    maxLengthValue_->setObjectName(QStringLiteral("statisticsMaxLength"));
    maxLengthValue_->setWordWrap(true);
    splitForm->addRow(ratioLabel_ = new QLabel(splitGroup_), ratio_);
    splitForm->addRow(seedLabel_ = new QLabel(splitGroup_), seed_);
    splitForm->addRow(QString(), stratified_);
    splitForm->addRow(maxLengthLabel_ = new QLabel(splitGroup_), maxLengthValue_);
    import_ = new QPushButton(this);
    import_->setObjectName(QStringLiteral("importButton"));
    import_->setDefault(true);
    connect(import_, &QPushButton::clicked, this, &DataPage::importFile);

    holdoutGroup_ = new QGroupBox(this);
    auto* holdoutLayout = new QVBoxLayout(holdoutGroup_);
    auto* holdoutRow = new QHBoxLayout;
    holdoutPath_ = new QLineEdit(holdoutGroup_);
    holdoutBrowse_ = new QPushButton(holdoutGroup_);
    holdoutImport_ = new QPushButton(holdoutGroup_);
    holdoutRow->addWidget(holdoutPath_, 1);
    holdoutRow->addWidget(holdoutBrowse_);
    holdoutLayout->addLayout(holdoutRow);
    holdoutLayout->addWidget(holdoutImport_, 0, Qt::AlignRight);
    holdoutSummary_ = new QLabel(holdoutGroup_);
    holdoutSummary_->setWordWrap(true);
    holdoutLayout->addWidget(holdoutSummary_);
    connect(holdoutBrowse_, &QPushButton::clicked, this, &DataPage::browseHoldout);
    connect(holdoutImport_, &QPushButton::clicked, this, [this] {
        holdoutPending_ = !holdoutPath_->text().isEmpty();
        importHoldoutIfPending();
    });

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(fileGroup_);
    leftLayout->addWidget(options_);
    leftLayout->addWidget(splitGroup_);
    leftLayout->addWidget(import_);
    leftLayout->addWidget(holdoutGroup_);
    leftLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The column wraps and shrinks to its width (combo boxes elide); a sideways
    // scroll bar would hide half of every row.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(340);
    scroll->setMaximumWidth(440);

    // Right: preview, then report and charts.
    previewGroup_ = new QGroupBox(this);
    auto* previewLayout = new QVBoxLayout(previewGroup_);
    previewView_ = new QTableView(previewGroup_);
    previewView_->setObjectName(QStringLiteral("previewTable"));
    previewView_->setModel(preview_);
    previewView_->setWordWrap(false);
    previewView_->setAlternatingRowColors(true);
    previewView_->horizontalHeader()->setStretchLastSection(true);
    previewView_->verticalHeader()->setDefaultSectionSize(previewView_->fontMetrics().height() + 6);
    previewError_ = new QLabel(previewGroup_);
    previewError_->setStyleSheet(QStringLiteral("color: #b22222;"));
    previewError_->setWordWrap(true);
    previewError_->hide();
    previewLayout->addWidget(previewView_);
    previewLayout->addWidget(previewError_);

    reportGroup_ = new QGroupBox(this);
    auto* reportLayout = new QHBoxLayout(reportGroup_);
    reportSummary_ = new QLabel(reportGroup_);
    reportSummary_->setObjectName(QStringLiteral("importSummary"));
    reportSummary_->setWordWrap(true);
    reportSummary_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    reportSummary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    skipped_ = new QTableWidget(0, 2, reportGroup_);
    skipped_->setObjectName(QStringLiteral("skippedRows"));
    skipped_->horizontalHeader()->setStretchLastSection(true);
    skipped_->verticalHeader()->hide();
    skipped_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    skipped_->setMinimumHeight(110);
    skipped_->hide();  // shown only when rows were skipped: an empty table says nothing
    reportLayout->addWidget(reportSummary_, 2);
    reportLayout->addWidget(skipped_, 3);
    charts_ = new DatasetChartsPlot(this);

    // The report spans the full width so its sentences and reasons stay readable;
    // the charts below get the width their category labels and titles need.
    auto* right = new QSplitter(Qt::Vertical);
    right->setChildrenCollapsible(false);
    right->addWidget(previewGroup_);
    right->addWidget(reportGroup_);
    right->addWidget(charts_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 0);
    right->setStretchFactor(2, 3);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(right, 1);

    connect(session_, &WorkbenchSession::dataChanged, this, &DataPage::showImported);
    connect(session_, &WorkbenchSession::holdoutChanged, this, &DataPage::showHoldout);
    connect(session_, &WorkbenchSession::busyChanged, this, [this](bool busy) {
        import_->setEnabled(!busy);
        holdoutImport_->setEnabled(!busy);
    });
    retranslateUi();
    refreshPreview();
}

void DataPage::retranslateUi() {
    fileGroup_->setTitle(tr("Dataset file"));
    path_->setPlaceholderText(tr("A TSV or CSV file — or drop one onto the window"));
    browse_->setText(tr("Browse…"));
    splitGroup_->setTitle(tr("Validation split"));
    ratioLabel_->setText(tr("Held out for validation:"));
    ratio_->setToolTip(tr("Share of the file evaluated after every epoch to pick the best model. 0 disables validation."));
    seedLabel_->setText(tr("Split seed:"));
    seed_->setToolTip(tr("The same seed gives the same split on every machine (the classic notebook uses 2018)."));
    stratified_->setText(tr("Keep class proportions (stratified)"));
    maxLengthLabel_->setText(tr("Max length:"));
    maxLengthValue_->setText(tr("%1 tokens, as training uses it (Hyperparameters page)").arg(maxLength_));
    maxLengthValue_->setToolTip(tr("Examples longer than this are truncated in training; the histogram counts them."));
    import_->setText(tr("Import dataset"));
    holdoutGroup_->setTitle(tr("Holdout test file (optional)"));
    holdoutPath_->setPlaceholderText(tr("Read with the same options and labels"));
    holdoutBrowse_->setText(tr("Browse…"));
    holdoutImport_->setText(tr("Import holdout"));
    previewGroup_->setTitle(tr("Preview (first rows as they will be read)"));
    reportGroup_->setTitle(tr("Import report"));
    skipped_->setHorizontalHeaderLabels({tr("Line"), tr("Why it was skipped")});
    showImported();
    showHoldout();
}

void DataPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void DataPage::browse() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dataset"), QFileInfo(file()).absolutePath(),
                                                      tr("Delimited text (*.tsv *.csv *.txt);;All files (*)"));
    if (!path.isEmpty()) setFile(path);
}

void DataPage::browseHoldout() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open holdout file"), QFileInfo(file()).absolutePath(),
                                                      tr("Delimited text (*.tsv *.csv *.txt);;All files (*)"));
    if (!path.isEmpty()) holdoutPath_->setText(path);
}

void DataPage::setFile(const QString& path, std::optional<DatasetFormat> format) {
    path_->setText(path);
    if (!format) {
        // A guess the user can correct; the preview shows at once whether it fits.
        const QString name = QFileInfo(path).fileName().toLower();
        if (name.endsWith(QLatin1String(".csv"))) format = DatasetFormat::Csv;
        else if (name.contains(QLatin1String("domain")) || name.contains(QLatin1String("cola"))) format = DatasetFormat::Cola;
        else format = DatasetFormat::GlueTsv;
    }
    options_->setFormat(*format);
    refreshPreview();
    options_->guessMissingColumns();
    emit fileChosen(path);
}

void DataPage::importRequest(const ImportRequest& request) {
    path_->setText(request.path);
    options_->setReading(request.options);
    refreshPreview();
    options_->setColumns(request.options);
    setValidation(request.validationRatio, request.seed, request.stratified);
    importFile();
}

QString DataPage::file() const { return path_->text(); }

void DataPage::setValidation(double ratio, quint64 seed, bool stratified) {
    ratio_->setValue(ratio * 100);
    seed_->setValue(int(seed));
    stratified_->setChecked(stratified);
}

void DataPage::setHoldoutFile(const QString& path) {
    holdoutPath_->setText(path);
    holdoutPending_ = !path.isEmpty();
    importHoldoutIfPending();
}

void DataPage::setMaxLength(int maxLength) {
    if (maxLength == maxLength_) return;
    maxLength_ = maxLength;
    retranslateUi();  // the label, and the histogram's truncated share at the new length
}

void DataPage::refreshPreview() {
    if (file().isEmpty()) {
        preview_->clear();
    } else {
        preview_->load(file(), options_->delimiter(), options_->quoting(), options_->header(),
                       options_->options().skipBadRows);
    }
    previewError_->setText(preview_->errorString());
    previewError_->setVisible(!preview_->errorString().isEmpty());
    options_->refreshColumnChoices();
    resizePreviewColumns();
}

void DataPage::resizePreviewColumns() {
    // Every column but the last (which stretches) as wide as its header and
    // visible cells, capped so one long field cannot push the sentence away.
    const int cap = std::max(120, previewView_->viewport()->width() / 3);
    for (int c = 0; c + 1 < preview_->columnCount(); ++c) {
        previewView_->resizeColumnToContents(c);
        previewView_->setColumnWidth(c, std::min(cap, previewView_->columnWidth(c)));
    }
}

ImportRequest DataPage::request() const {
    ImportRequest r;
    r.path = file();
    r.options = options_->options();
    r.validationRatio = ratio_->value() / 100.0;
    r.seed = quint64(seed_->value());
    r.stratified = stratified_->isChecked();
    r.maxLength = maxLength_;
    // Token statistics in the current model's tokens (a preset may use another
    // vocabulary than the default); before any model exists, in the default one's,
    // which the model created after the first import then uses.
    r.vocabPath = session_->defaultVocabPath();
    r.lowercase = session_->hasModel() ? session_->model().summary.lowercase : true;
    return r;
}

void DataPage::importFile() {
    if (file().isEmpty()) return browse();
    session_->importDataset(request());
}

void DataPage::importHoldoutIfPending() {
    if (!holdoutPending_ || !session_->hasData() || holdoutPath_->text().isEmpty()) return;
    holdoutPending_ = false;
    ImportRequest r = request();
    r.path = holdoutPath_->text();
    session_->importHoldout(r);
}

void DataPage::showImported() {
    const auto& d = session_->data();
    skipped_->setRowCount(0);
    skipped_->hide();
    if (!d.train) {
        reportSummary_->setText(tr("Nothing imported yet."));
        charts_->clear();
        return;
    }
    const auto& r = d.report;
    QString text = tr("<b>%1</b>: %2 rows read, %3 imported, %4 skipped.")
                       .arg(QFileInfo(d.request.path).fileName().toHtmlEscaped())
                       .arg(r.rowsRead)
                       .arg(r.rowsLoaded)
                       .arg(r.rowsSkipped);
    text += QStringLiteral("<br>") + tr("Training: %1 examples · validation: %2 examples · labels: %3")
                                         .arg(d.train->examples.size())
                                         .arg(d.validation ? d.validation->examples.size() : 0)
                                         .arg(toQStringList(d.train->labelNames).join(QStringLiteral(", ")).toHtmlEscaped());
    reportSummary_->setText(text);
    skipped_->setRowCount(int(r.skipped.size()));
    for (int i = 0; i < int(r.skipped.size()); ++i) {
        auto* line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, qlonglong(r.skipped[size_t(i)].line));
        skipped_->setItem(i, 0, line);
        const QString reason = EngineMessages::translate(qs(r.skipped[size_t(i)].reason));
        skipped_->setItem(i, 1, new QTableWidgetItem(reason));
    }
    skipped_->resizeColumnToContents(0);
    skipped_->setVisible(!r.skipped.empty());
    ImportedData shown = d;
    shown.lengths.setMaxLength(size_t(maxLength_));
    charts_->show(shown);
    importHoldoutIfPending();
}

void DataPage::showHoldout() {
    const auto& h = session_->holdout();
    if (!h.train) {
        holdoutSummary_->setText(tr("No holdout file imported."));
        return;
    }
    holdoutSummary_->setText(tr("%1: %2 examples (%3 skipped)")
                                 .arg(QFileInfo(h.request.path).fileName())
                                 .arg(h.train->examples.size())
                                 .arg(h.report.rowsSkipped));
}

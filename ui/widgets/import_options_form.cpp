// ImportOptionsForm: see import_options_form.h.
#include "widgets/import_options_form.h"

#include "models/preview_table_model.h"

#include "data/column_guess.h"
#include "data/format_preset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>

using bertbench::DatasetFormat;

namespace {
constexpr int kFormatDefault = -2;  // column combo: "as the format says"
constexpr int kNoColumn = -1;       // pair combo: "no second text"
}  // namespace

ImportOptionsForm::ImportOptionsForm(PreviewTableModel* preview, QWidget* parent)
    : QGroupBox(parent), preview_(preview) {
    auto* form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    preset_ = new QComboBox(this);
    for (auto f : {DatasetFormat::Cola, DatasetFormat::GlueTsv, DatasetFormat::Csv, DatasetFormat::Tsv})
        preset_->addItem(QString(), int(f));
    delimiter_ = new QComboBox(this);
    for (char c : {'\t', ',', ';', '|'}) delimiter_->addItem(QString(), int(c));
    header_ = new QCheckBox(this);
    quoting_ = new QCheckBox(this);
    skipBadRows_ = new QCheckBox(this);
    skipBadRows_->setObjectName(QStringLiteral("skipBadRows"));
    guessNote_ = new QLabel(this);
    guessNote_->setObjectName(QStringLiteral("columnGuessNote"));
    guessNote_->setWordWrap(true);
    guessNote_->hide();
    textColumn_ = new QComboBox(this);
    pairColumn_ = new QComboBox(this);
    labelColumn_ = new QComboBox(this);
    // Long format names and column headers must not widen the Data page's column.
    for (auto* combo : {preset_, delimiter_, textColumn_, pairColumn_, labelColumn_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    form->addRow(presetLabel_ = new QLabel(this), preset_);
    form->addRow(delimiterLabel_ = new QLabel(this), delimiter_);
    form->addRow(QString(), header_);
    form->addRow(QString(), quoting_);
    form->addRow(textLabel_ = new QLabel(this), textColumn_);
    form->addRow(pairLabel_ = new QLabel(this), pairColumn_);
    form->addRow(labelLabel_ = new QLabel(this), labelColumn_);
    form->addRow(guessNote_);
    form->addRow(QString(), skipBadRows_);
    connect(preset_, qOverload<int>(&QComboBox::activated), this, [this] {
        setFormat(format());
        emit readingChanged();
    });
    connect(delimiter_, qOverload<int>(&QComboBox::activated), this, &ImportOptionsForm::readingChanged);
    for (auto* box : {header_, quoting_, skipBadRows_})
        connect(box, &QCheckBox::clicked, this, &ImportOptionsForm::readingChanged);
    for (auto* combo : {textColumn_, pairColumn_, labelColumn_})
        connect(combo, qOverload<int>(&QComboBox::activated), this, &ImportOptionsForm::updateRoleColumns);
    retranslateUi();
    setFormat(DatasetFormat::Cola);
}

void ImportOptionsForm::retranslateUi() {
    setTitle(tr("How to read it"));
    presetLabel_->setText(tr("Format:"));
    preset_->setItemText(0, tr("CoLA (raw TSV, no header)"));
    preset_->setItemText(1, tr("GLUE TSV (with header)"));
    preset_->setItemText(2, tr("CSV (with header)"));
    preset_->setItemText(3, tr("TSV (with header)"));
    preset_->setToolTip(tr("Sets delimiter, header, quoting and the default columns; each can be changed below."));
    delimiterLabel_->setText(tr("Delimiter:"));
    delimiter_->setItemText(0, tr("Tab"));
    delimiter_->setItemText(1, tr("Comma"));
    delimiter_->setItemText(2, tr("Semicolon"));
    delimiter_->setItemText(3, tr("Vertical bar"));
    header_->setText(tr("First row is a header"));
    quoting_->setText(tr("Quoted fields (RFC 4180)"));
    quoting_->setToolTip(tr("Off for TSV files whose sentences contain quote characters, as CoLA's do."));
    textLabel_->setText(tr("Text column:"));
    pairLabel_->setText(tr("Second text:"));
    pairLabel_->setToolTip(tr("For sentence-pair tasks such as entailment; leave at none for single sentences."));
    labelLabel_->setText(tr("Label column:"));
    skipBadRows_->setText(tr("Skip bad rows"));
    skipBadRows_->setToolTip(tr("Off: a malformed row (a broken quote, too few or too many columns) stops the import "
                                "and names its line. On: such rows are left out and listed in the import report."));
    refreshColumnChoices();
}

void ImportOptionsForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QGroupBox::changeEvent(event);
}

DatasetFormat ImportOptionsForm::format() const { return DatasetFormat(preset_->currentData().toInt()); }
char ImportOptionsForm::delimiter() const { return char(delimiter_->currentData().toInt()); }
bool ImportOptionsForm::header() const { return header_->isChecked(); }
bool ImportOptionsForm::quoting() const { return quoting_->isChecked(); }

void ImportOptionsForm::setFormat(DatasetFormat format) {
    preset_->setCurrentIndex(std::max(0, preset_->findData(int(format))));
    const auto preset = bertbench::formatPreset(format);
    delimiter_->setCurrentIndex(std::max(0, delimiter_->findData(int(preset.delimiter))));
    header_->setChecked(preset.header);
    quoting_->setChecked(preset.quoting);
    for (auto* combo : {textColumn_, pairColumn_, labelColumn_}) combo->setCurrentIndex(0);
    guessNote_->hide();
    updateRoleColumns();
}

void ImportOptionsForm::setReading(const bertbench::ImportOptions& options) {
    setFormat(options.format);
    if (options.delimiter) delimiter_->setCurrentIndex(std::max(0, delimiter_->findData(int(*options.delimiter))));
    if (options.header) header_->setChecked(*options.header);
    if (options.quoting) quoting_->setChecked(*options.quoting);
    skipBadRows_->setChecked(options.skipBadRows);
}

void ImportOptionsForm::selectColumn(QComboBox* combo, const bertbench::ColumnRef& column) {
    int index = column.index;
    if (!column.name.empty()) index = int(preview_->columnNames().indexOf(QString::fromStdString(column.name)));
    const int item = column.isSet() ? combo->findData(index) : 0;
    combo->setCurrentIndex(std::max(0, item));
}

void ImportOptionsForm::setColumns(const bertbench::ImportOptions& options) {
    selectColumn(textColumn_, options.textColumn);
    selectColumn(pairColumn_, options.textPairColumn);
    selectColumn(labelColumn_, options.labelColumn);
    updateRoleColumns();
}

QString ImportOptionsForm::guessMissingColumns() {
    guessNote_->hide();
    if (preview_->columnCount() == 0) return {};
    const auto defaults = bertbench::defaultColumns(format(), header());
    const bool textFound = resolvedColumn(textColumn_, defaults.text) >= 0;
    const bool labelFound = resolvedColumn(labelColumn_, defaults.label) >= 0;
    if (textFound && labelFound) return {};

    std::vector<std::string> names;
    for (const QString& name : preview_->header()) names.push_back(name.toStdString());
    std::vector<std::vector<std::string>> rows;
    for (const QStringList& row : preview_->rows()) {
        rows.emplace_back();
        for (const QString& field : row) rows.back().push_back(field.toStdString());
    }
    const auto guess = bertbench::guessColumns(preview_->hasHeader() ? &names : nullptr, rows);
    const QStringList shown = preview_->columnNames();
    QStringList chosen;
    if (!textFound && guess.text >= 0) {
        textColumn_->setCurrentIndex(std::max(0, textColumn_->findData(guess.text)));
        chosen << tr("text = %1").arg(shown.value(guess.text));
    }
    if (!labelFound && guess.label >= 0) {
        labelColumn_->setCurrentIndex(std::max(0, labelColumn_->findData(guess.label)));
        chosen << tr("label = %1").arg(shown.value(guess.label));
    }
    updateRoleColumns();
    if (chosen.isEmpty()) return {};
    guessNote_->setText(tr("Guessed from the column names and contents: %1. Check the tinted columns in the preview "
                           "before importing.")
                            .arg(chosen.join(QStringLiteral(", "))));
    guessNote_->show();
    return guessNote_->text();
}

void ImportOptionsForm::refreshColumnChoices() {
    const QStringList names = preview_->columnNames();
    auto refill = [&](QComboBox* combo, int firstData, const QString& firstText) {
        const int keep = combo->currentData().isValid() ? combo->currentData().toInt() : firstData;
        combo->clear();
        combo->addItem(firstText, firstData);
        for (int i = 0; i < names.size(); ++i) combo->addItem(names[i], i);
        combo->setCurrentIndex(std::max(0, combo->findData(keep)));
    };
    refill(textColumn_, kFormatDefault, tr("(format default)"));
    refill(pairColumn_, kNoColumn, tr("(none)"));
    refill(labelColumn_, kFormatDefault, tr("(format default)"));
    updateRoleColumns();
}

// "Format default" resolved to a column of the preview, or -1 when the file lacks it.
int ImportOptionsForm::resolvedColumn(QComboBox* combo, const bertbench::ColumnRef& fallback) const {
    const int chosen = combo->currentData().isValid() ? combo->currentData().toInt() : kFormatDefault;
    if (chosen != kFormatDefault) return chosen;
    if (fallback.index >= 0) return fallback.index < preview_->columnCount() ? fallback.index : -1;
    return int(preview_->columnNames().indexOf(QString::fromStdString(fallback.name)));
}

void ImportOptionsForm::updateRoleColumns() {
    const auto defaults = bertbench::defaultColumns(format(), header());
    const int pair = pairColumn_->currentData().isValid() ? pairColumn_->currentData().toInt() : kNoColumn;
    preview_->setRoleColumns(resolvedColumn(textColumn_, defaults.text), pair,
                             resolvedColumn(labelColumn_, defaults.label));
}

bertbench::ImportOptions ImportOptionsForm::options() const {
    bertbench::ImportOptions o;
    o.format = format();
    o.header = header();
    o.delimiter = delimiter();
    o.quoting = quoting();
    const QStringList names = preview_->columnNames();
    auto column = [&](QComboBox* combo) {
        const int c = combo->currentData().toInt();
        if (c < 0) return bertbench::ColumnRef{};
        if (header() && preview_->hasHeader()) return bertbench::ColumnRef::named(names.value(c).toStdString());
        return bertbench::ColumnRef::at(c);
    };
    o.textColumn = column(textColumn_);
    o.textPairColumn = column(pairColumn_);
    o.labelColumn = column(labelColumn_);
    o.skipBadRows = skipBadRows_->isChecked();
    return o;
}

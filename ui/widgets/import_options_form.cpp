// ImportOptionsForm: see import_options_form.h.
#include "widgets/import_options_form.h"

#include "models/preview_table_model.h"

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
    preset_ = new QComboBox(this);
    for (auto f : {DatasetFormat::Cola, DatasetFormat::GlueTsv, DatasetFormat::Csv, DatasetFormat::Tsv})
        preset_->addItem(QString(), int(f));
    delimiter_ = new QComboBox(this);
    for (char c : {'\t', ',', ';', '|'}) delimiter_->addItem(QString(), int(c));
    header_ = new QCheckBox(this);
    quoting_ = new QCheckBox(this);
    textColumn_ = new QComboBox(this);
    pairColumn_ = new QComboBox(this);
    labelColumn_ = new QComboBox(this);
    form->addRow(presetLabel_ = new QLabel(this), preset_);
    form->addRow(delimiterLabel_ = new QLabel(this), delimiter_);
    form->addRow(QString(), header_);
    form->addRow(QString(), quoting_);
    form->addRow(textLabel_ = new QLabel(this), textColumn_);
    form->addRow(pairLabel_ = new QLabel(this), pairColumn_);
    form->addRow(labelLabel_ = new QLabel(this), labelColumn_);
    connect(preset_, qOverload<int>(&QComboBox::activated), this, [this] {
        setFormat(format());
        emit readingChanged();
    });
    connect(delimiter_, qOverload<int>(&QComboBox::activated), this, &ImportOptionsForm::readingChanged);
    for (auto* box : {header_, quoting_}) connect(box, &QCheckBox::clicked, this, &ImportOptionsForm::readingChanged);
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
    updateRoleColumns();
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

void ImportOptionsForm::updateRoleColumns() {
    // Resolve "format default" to a column so the preview can tint it.
    const auto defaults = bertbench::defaultColumns(format(), header());
    const QStringList names = preview_->columnNames();
    auto resolve = [&](QComboBox* combo, const bertbench::ColumnRef& fallback) {
        const int chosen = combo->currentData().isValid() ? combo->currentData().toInt() : kFormatDefault;
        if (chosen != kFormatDefault) return chosen;
        if (fallback.index >= 0) return fallback.index;
        return int(names.indexOf(QString::fromStdString(fallback.name)));
    };
    const int pair = pairColumn_->currentData().isValid() ? pairColumn_->currentData().toInt() : kNoColumn;
    preview_->setRoleColumns(resolve(textColumn_, defaults.text), pair, resolve(labelColumn_, defaults.label));
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
    return o;
}

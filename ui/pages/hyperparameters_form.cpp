// HyperparametersPage, second half: an editor per schema field chosen by its
// type, moving values between the editors and TrainingOptions, and validation.
// Combo boxes carry the schema's choice names as item data, never indexes, so
// the order of items is free.
#include "pages/hyperparameters_page.h"

#include "i18n/option_schema_strings.h"
#include "widgets/scientific_spin_box.h"

#include "common/errors.h"
#include "runtime/torch_runtime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace bertbench;

namespace {

// A spin box bound for an integer field; an open bound is the widget's limit.
int intBound(const std::optional<double>& bound, bool exclusive, int direction, int open) {
    if (!bound) return open;
    return int(std::clamp(*bound + (exclusive ? direction : 0), double(INT_MIN), double(INT_MAX)));
}

// Enough decimals to show a step and one digit finer: 0.01 -> 3.
int decimalsFor(double step) {
    int digits = 0;
    while (digits < 8 && std::abs(step * std::pow(10.0, digits) - std::round(step * std::pow(10.0, digits))) > 1e-9)
        ++digits;
    return digits + 1;
}

QString capitalized(const QString& text) { return text.left(1).toUpper() + text.mid(1); }

QStringList checkedChoices(const QWidget* editor) {
    QStringList names;
    for (auto* box : editor->findChildren<QCheckBox*>())
        if (box->isChecked()) names << box->property("choice").toString();
    return names;
}

}  // namespace

QWidget* HyperparametersPage::createEditor(const OptionField& field) {
    QWidget* editor = nullptr;
    const auto& range = field.range;
    switch (field.type) {
    case OptionType::Int: {
        auto* box = new QSpinBox;
        box->setRange(intBound(range.min, range.minExclusive, 1, INT_MIN), intBound(range.max, range.maxExclusive, -1, INT_MAX));
        box->setMinimumWidth(120);
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &HyperparametersPage::validateNow);
        editor = box;
        break;
    }
    case OptionType::Real: {
        QDoubleSpinBox* box = field.spansDecades ? new ScientificSpinBox : new QDoubleSpinBox;
        if (!field.spansDecades) {
            box->setDecimals(decimalsFor(field.step));
            box->setSingleStep(field.step);
        }
        // An exclusive bound becomes the nearest value the box can show inside it.
        const double unit = std::pow(10.0, -box->decimals());
        box->setRange(range.min ? *range.min + (range.minExclusive ? unit : 0) : -1e9,
                      range.max ? *range.max - (range.maxExclusive ? unit : 0) : 1e9);
        box->setMinimumWidth(120);
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &HyperparametersPage::validateNow);
        editor = box;
        break;
    }
    case OptionType::Bool: {
        auto* box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, &HyperparametersPage::validateNow);
        editor = box;
        break;
    }
    case OptionType::Choice:
    case OptionType::String: {
        auto* box = new QComboBox;
        // Item texts are set in retranslateUi(), after the form has sized itself: follow the text.
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        for (const auto& choice : field.choices) {
            // Offer only devices and precisions this machine has; a loaded "cuda" still shows (setEditorValue adds it).
            if (field.key == "device" && choice.name.rfind("cuda", 0) == 0 && !cudaAvailable()) continue;
            // bfloat16 only where it is faster than float32: emulated, it is slower and less exact.
            if (field.key == "precision" && choice.name == "bf16" && !bfloat16Accelerated() && !cudaAvailable())
                continue;
            box->addItem(QString::fromStdString(choice.name), QString::fromStdString(choice.name));
        }
        if (field.type == OptionType::String && field.choices.empty()) {
            box->setEditable(true);
            box->setInsertPolicy(QComboBox::NoInsert);  // free text (attention probes): Return adds no item
        }
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &HyperparametersPage::validateNow);
        connect(box, &QComboBox::editTextChanged, this, &HyperparametersPage::validateNow);
        editor = box;
        break;
    }
    case OptionType::StringList: {
        if (field.choices.empty()) {
            auto* line = new QLineEdit;
            line->setPlaceholderText(QStringLiteral("a,b,c"));
            connect(line, &QLineEdit::textChanged, this, &HyperparametersPage::validateNow);
            editor = line;
            break;
        }
        // A closed set of items: one check box each, in the schema's order.
        editor = new QWidget;
        auto* layout = new QHBoxLayout(editor);
        layout->setContentsMargins(0, 0, 0, 0);
        for (const auto& choice : field.choices) {
            auto* box = new QCheckBox(QString::fromStdString(choice.name));
            box->setProperty("choice", QString::fromStdString(choice.name));
            layout->addWidget(box);
            connect(box, &QCheckBox::toggled, this, &HyperparametersPage::validateNow);
        }
        break;
    }
    }
    editor->setObjectName(QString::fromStdString(field.key));
    return editor;
}

OptionValue HyperparametersPage::editorValue(const Row& row) const {
    switch (row.field->type) {
    case OptionType::Int:
        return int64_t(static_cast<QSpinBox*>(row.editor)->value());
    case OptionType::Real:
        return static_cast<QDoubleSpinBox*>(row.editor)->value();
    case OptionType::Bool:
        return static_cast<QCheckBox*>(row.editor)->isChecked();
    case OptionType::Choice:
        return static_cast<QComboBox*>(row.editor)->currentData().toString().toStdString();
    case OptionType::String: {
        auto* box = static_cast<QComboBox*>(row.editor);
        return (box->isEditable() ? box->currentText() : box->currentData().toString()).toStdString();
    }
    case OptionType::StringList: {
        const QStringList names = row.field->choices.empty()
                                      ? static_cast<QLineEdit*>(row.editor)->text().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                      : checkedChoices(row.editor);
        std::vector<std::string> items;
        for (const auto& name : names) items.push_back(name.trimmed().toStdString());
        return items;
    }
    }
    return row.field->defaultValue();
}

void HyperparametersPage::setEditorValue(const Row& row, const OptionValue& value) {
    switch (row.field->type) {
    case OptionType::Int:
        static_cast<QSpinBox*>(row.editor)->setValue(int(std::clamp<int64_t>(std::get<int64_t>(value), INT_MIN, INT_MAX)));
        break;
    case OptionType::Real:
        static_cast<QDoubleSpinBox*>(row.editor)->setValue(std::get<double>(value));
        break;
    case OptionType::Bool:
        static_cast<QCheckBox*>(row.editor)->setChecked(std::get<bool>(value));
        break;
    case OptionType::Choice:
    case OptionType::String: {
        auto* box = static_cast<QComboBox*>(row.editor);
        const QString name = QString::fromStdString(std::get<std::string>(value));
        if (box->isEditable()) {
            box->setCurrentText(name);
            break;
        }
        if (box->findData(name) < 0) box->addItem(name, name);  // e.g. "cuda:1" from a file
        box->setCurrentIndex(box->findData(name));
        break;
    }
    case OptionType::StringList: {
        const auto& items = std::get<std::vector<std::string>>(value);
        if (row.field->choices.empty()) {
            QStringList names;
            for (const auto& item : items) names << QString::fromStdString(item);
            static_cast<QLineEdit*>(row.editor)->setText(names.join(QLatin1Char(',')));
            break;
        }
        for (auto* box : row.editor->findChildren<QCheckBox*>()) {
            const std::string name = box->property("choice").toString().toStdString();
            box->setChecked(std::find(items.begin(), items.end(), name) != items.end());
        }
        break;
    }
    }
}

QWidget* HyperparametersPage::editor(const std::string& key) const {
    for (const auto& row : rows_)
        if (row.field->key == key) return row.editor;
    return nullptr;
}

TrainingOptions HyperparametersPage::options() const {
    TrainingOptions o;
    for (const auto& row : rows_) row.field->set(o, editorValue(row));
    return o;
}

void HyperparametersPage::setOptions(const TrainingOptions& o) {
    loading_ = true;  // one validation at the end, not one per field
    for (const auto& row : rows_) setEditorValue(row, row.field->get(o));
    loading_ = false;
    validateNow();
}

QString HyperparametersPage::validationMessage() const {
    try {
        options().validate();
        return {};
    } catch (const Error& e) {
        return QString::fromUtf8(e.what());
    }
}

bool HyperparametersPage::isValid() const { return validationMessage().isEmpty(); }

void HyperparametersPage::validateNow() {
    if (loading_) return;
    const TrainingOptions o = options();
    // Settings that only matter together with another one.
    for (const char* key : {"lora.alpha", "lora.dropout", "lora.targets"}) editor(key)->setEnabled(o.lora.rank > 0);
    editor("warmup_ratio")->setEnabled(o.warmupSteps < 0);
    for (const char* key : {"unfreeze_interval", "unfreeze_unit"})
        editor(key)->setEnabled(o.gradualUnfreezing != bertbench::GradualUnfreezing::Off);
    const QString message = validationMessage();
    if (message.isEmpty()) {
        status_->setStyleSheet(QStringLiteral("color: #2e7d32;"));
        status_->setText(tr("These options are valid. Effective batch: %1 examples per step.")
                             .arg(o.batchSize * o.gradientAccumulation));
    } else {
        status_->setStyleSheet(QStringLiteral("color: #b22222; font-weight: bold;"));
        status_->setText(message);
    }
    showMatchingPreset();
    emit optionsChanged();
}

void HyperparametersPage::retranslateRow(const Row& row) {
    const OptionField& field = *row.field;
    const QString tip = OptionSchemaStrings::translated(field.help);
    row.label->setText(capitalized(OptionSchemaStrings::translated(field.label)) + QLatin1Char(':'));
    row.label->setToolTip(tip);
    row.editor->setToolTip(tip);
    if (field.type == OptionType::Choice) {
        auto* box = static_cast<QComboBox*>(row.editor);
        for (const auto& choice : field.choices)
            box->setItemText(box->findData(QString::fromStdString(choice.name)), OptionSchemaStrings::translated(choice.label));
    }
    if (!field.minimumMeaning.empty()) {
        const QString meaning = OptionSchemaStrings::translated(field.minimumMeaning);
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(row.editor)) {
            spin->setSpecialValueText(meaning);
            spin->updateGeometry();  // the size hint follows the text, but the layout is not told
        }
    }
}

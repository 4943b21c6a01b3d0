// HyperparametersPage, first half: the page's layout (one group box per schema
// group, a row per field), the preset box, JSON files and translations. The
// editors themselves and moving values in and out are in hyperparameters_form.cpp.
#include "pages/hyperparameters_page.h"

#include "common/json_file.h"

#include "i18n/option_schema_strings.h"
#include "i18n/training_presets.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace bertbench;

HyperparametersPage::HyperparametersPage(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout;
    QFormLayout* form = nullptr;
    for (const OptionField& field : trainingOptionFields()) {
        if (groups_.isEmpty() || groups_.back().title != field.group) {
            auto* box = new QGroupBox;
            const int index = groups_.size();
            grid->addWidget(box, index % 2, index / 2);  // two rows of groups, filled column by column
            groups_.push_back({field.group, box});
            form = new QFormLayout(box);
            form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
        }
        auto* label = new QLabel;
        QWidget* editor = createEditor(field);
        form->addRow(label, editor);
        rows_.push_back({&field, label, editor});
    }

    // Top bar: presets and files.
    presetLabel_ = new QLabel;
    preset_ = new QComboBox;
    preset_->setObjectName(QStringLiteral("presetCombo"));
    preset_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto& id : TrainingPresets::ids()) preset_->addItem(QString(), id);
    preset_->addItem(QString(), QString());  // Custom: the values match no preset
    presetLabel_->setBuddy(preset_);
    load_ = new QPushButton;
    save_ = new QPushButton;
    reset_ = new QPushButton;
    // activated: the user's choice only, not the box following the values.
    connect(preset_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QString id = preset_->itemData(index).toString();
        if (id.isEmpty())
            showMatchingPreset();  // "Custom" changes nothing; the box goes on telling the truth
        else
            applyPreset(id);
    });
    connect(load_, &QPushButton::clicked, this, &HyperparametersPage::load);
    connect(save_, &QPushButton::clicked, this, &HyperparametersPage::save);
    connect(reset_, &QPushButton::clicked, this, [this] { setOptions(TrainingOptions{}); });
    auto* bar = new QHBoxLayout;
    bar->addWidget(presetLabel_);
    bar->addWidget(preset_);
    bar->addStretch(1);
    bar->addWidget(load_);
    bar->addWidget(save_);
    bar->addWidget(reset_);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("optionsStatus"));
    status_->setWordWrap(true);

    runNote_ = new QLabel;
    runNote_->setObjectName(QStringLiteral("runActiveNote"));
    runNote_->setWordWrap(true);
    runNote_->setStyleSheet(QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text); "
                                           "padding: 6px; border-radius: 3px; }"));
    runNote_->hide();

    auto* content = content_ = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(grid);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(runNote_);
    layout->addWidget(scroll, 1);
    layout->addWidget(status_);

    retranslateUi();
    setOptions(TrainingOptions{});
}

void HyperparametersPage::setRunActive(bool active) {
    runActive_ = active;
    content_->setEnabled(!active);
    for (QWidget* w : {static_cast<QWidget*>(preset_), static_cast<QWidget*>(load_), static_cast<QWidget*>(reset_)})
        w->setEnabled(!active);
    runNote_->setVisible(active);
}

void HyperparametersPage::applyPreset(const QString& id) { setOptions(TrainingPresets::options(id)); }

QString HyperparametersPage::shownPreset() const { return preset_->currentData().toString(); }

void HyperparametersPage::showMatchingPreset() {
    const QString id = TrainingPresets::matching(options());
    const QSignalBlocker blocker(preset_);
    preset_->setCurrentIndex(std::max(0, preset_->findData(id)));
    preset_->setToolTip(id.isEmpty() ? tr("These values match no preset. Choose one to fill the form with its values.")
                                     : TrainingPresets::description(id));
}

bool HyperparametersPage::saveJson(const QString& path, QString* error) const {
    QSaveFile file(path);  // written to a temporary name and renamed on commit
    const std::string text = options().toJson().dump(2) + "\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
        !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

bool HyperparametersPage::loadJson(const QString& path, QString* error) {
    try {
        setOptions(TrainingOptions::fromJson(bertbench::readJsonFile(QFile::encodeName(path).toStdString())));
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void HyperparametersPage::save() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save hyperparameters"), QStringLiteral("training.json"),
                                                      tr("JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveJson(path, &error)) status_->setText(tr("Could not save %1: %2").arg(path, error));
}

void HyperparametersPage::load() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load hyperparameters"), QString(), tr("JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !loadJson(path, &error)) {
        status_->setStyleSheet(QStringLiteral("color: #b22222; font-weight: bold;"));
        status_->setText(tr("Could not load %1: %2").arg(path, error));
    }
}

void HyperparametersPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void HyperparametersPage::retranslateUi() {
    for (const auto& row : rows_) retranslateRow(row);
    for (const auto& group : groups_) group.box->setTitle(OptionSchemaStrings::translated(group.title));
    presetLabel_->setText(tr("Preset:"));
    for (int i = 0; i < preset_->count(); ++i) {
        const QString id = preset_->itemData(i).toString();
        preset_->setItemText(i, id.isEmpty() ? tr("Custom") : TrainingPresets::displayName(id));
        preset_->setItemData(i, id.isEmpty() ? QVariant() : QVariant(TrainingPresets::description(id)), Qt::ToolTipRole);
    }
    load_->setText(tr("Load JSON…"));
    save_->setText(tr("Save JSON…"));
    reset_->setText(tr("Engine defaults"));
    runNote_->setText(tr("A run is training with these settings, so they are read-only until it ends. Changes apply "
                         "to the next run."));
    validateNow();
}

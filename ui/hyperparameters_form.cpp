// HyperparametersPage, second half: moving values between the form and
// TrainingOptions, validation, presets, JSON files and translations.
#include "hyperparameters_page.h"

#include "training_presets.h"

#include "common/errors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>

using namespace bertbench;

namespace {
const std::vector<std::string> kMetrics = {"mcc", "accuracy", "f1", "loss"};
}

TrainingOptions HyperparametersPage::options() const {
    TrainingOptions o;
    o.epochs = epochs_->value();
    o.maxSteps = maxSteps_->value();
    o.batchSize = batch_->value();
    o.gradientAccumulation = accumulation_->value();
    o.learningRate = rate_->value();
    o.headLearningRate = headRate_->value();
    o.warmupRatio = warmupRatio_->value();
    o.warmupSteps = warmupSteps_->value();
    o.schedule = LrSchedule(schedule_->currentIndex());
    o.weightDecay = decay_->value();
    o.adamBeta1 = beta1_->value();
    o.adamBeta2 = beta2_->value();
    o.adamEpsilon = epsilon_->value();
    o.maxGradNorm = clip_->value();
    o.maxLength = maxLength_->value();
    o.padding = Padding(padding_->currentIndex());
    o.shuffle = ShuffleMode(shuffle_->currentIndex());
    o.seed = uint64_t(seed_->value());
    o.freezeLayers = freeze_->value();
    o.headOnly = headOnly_->isChecked();
    o.lora.rank = loraRank_->value();
    o.lora.alpha = loraAlpha_->value();
    o.lora.dropout = loraDropout_->value();
    o.lora.targets.clear();
    if (loraQuery_->isChecked()) o.lora.targets.push_back("query");
    if (loraKey_->isChecked()) o.lora.targets.push_back("key");
    if (loraValue_->isChecked()) o.lora.targets.push_back("value");
    if (loraDense_->isChecked()) o.lora.targets.push_back("dense");
    o.earlyStoppingPatience = patience_->value();
    o.metric = kMetrics[size_t(std::max(0, metric_->currentIndex()))];
    o.evalBatchSize = evalBatch_->value();
    o.device = device_->currentText().toStdString();
    return o;
}

void HyperparametersPage::setOptions(const TrainingOptions& o) {
    loading_ = true;  // one validation at the end, not one per field
    epochs_->setValue(int(o.epochs));
    maxSteps_->setValue(int(o.maxSteps));
    batch_->setValue(int(o.batchSize));
    accumulation_->setValue(int(o.gradientAccumulation));
    rate_->setValue(o.learningRate);
    headRate_->setValue(o.headLearningRate);
    warmupRatio_->setValue(o.warmupRatio);
    warmupSteps_->setValue(int(o.warmupSteps));
    schedule_->setCurrentIndex(int(o.schedule));
    decay_->setValue(o.weightDecay);
    beta1_->setValue(o.adamBeta1);
    beta2_->setValue(o.adamBeta2);
    epsilon_->setValue(o.adamEpsilon);
    clip_->setValue(o.maxGradNorm);
    maxLength_->setValue(int(o.maxLength));
    padding_->setCurrentIndex(int(o.padding));
    shuffle_->setCurrentIndex(int(o.shuffle));
    seed_->setValue(int(o.seed));
    freeze_->setValue(int(o.freezeLayers));
    headOnly_->setChecked(o.headOnly);
    loraRank_->setValue(int(o.lora.rank));
    loraAlpha_->setValue(o.lora.alpha);
    loraDropout_->setValue(o.lora.dropout);
    auto has = [&](const char* t) { return std::find(o.lora.targets.begin(), o.lora.targets.end(), t) != o.lora.targets.end(); };
    loraQuery_->setChecked(has("query"));
    loraKey_->setChecked(has("key"));
    loraValue_->setChecked(has("value"));
    loraDense_->setChecked(has("dense"));
    patience_->setValue(int(o.earlyStoppingPatience));
    const auto metric = std::find(kMetrics.begin(), kMetrics.end(), o.metric);
    metric_->setCurrentIndex(metric == kMetrics.end() ? 0 : int(metric - kMetrics.begin()));
    evalBatch_->setValue(int(o.evalBatchSize));
    const int device = device_->findText(QString::fromStdString(o.device));
    device_->setCurrentIndex(device >= 0 ? device : 0);
    loading_ = false;
    validateNow();
}

void HyperparametersPage::applyPreset(const QString& id) {
    preset_->setCurrentIndex(std::max(0, preset_->findData(id)));
    setOptions(TrainingPresets::options(id));
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
    const QString message = validationMessage();
    const bool lora = loraRank_->value() > 0;
    for (QWidget* w : {static_cast<QWidget*>(loraAlpha_), static_cast<QWidget*>(loraDropout_), loraTargets_}) w->setEnabled(lora);
    warmupRatio_->setEnabled(warmupSteps_->value() < 0);
    if (message.isEmpty()) {
        status_->setStyleSheet(QStringLiteral("color: #2e7d32;"));
        status_->setText(tr("These options are valid. Effective batch: %1 examples per step.")
                             .arg(batch_->value() * accumulation_->value()));
    } else {
        status_->setStyleSheet(QStringLiteral("color: #b22222; font-weight: bold;"));
        status_->setText(message);
    }
    emit optionsChanged();
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    try {
        const QByteArray bytes = file.readAll();
        setOptions(TrainingOptions::fromJson(nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size())));
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
    for (const auto& row : rows_) {
        row.label->setText(tr(row.text));
        row.label->setToolTip(tr(row.tip));
        row.editor->setToolTip(tr(row.tip));
    }
    const QStringList titles = {tr("Schedule"), tr("Optimizer"), tr("Data and hardware"), tr("What is trained and kept")};
    for (int i = 0; i < groups_.size(); ++i) groups_[i]->setTitle(titles.value(i));
    schedule_->setItemText(0, tr("linear decay"));
    schedule_->setItemText(1, tr("constant"));
    schedule_->setItemText(2, tr("cosine"));
    padding_->setItemText(0, tr("dynamic (per batch)"));
    padding_->setItemText(1, tr("max length (every example)"));
    shuffle_->setItemText(0, tr("bucketed by length"));
    shuffle_->setItemText(1, tr("random"));
    shuffle_->setItemText(2, tr("none (file order)"));
    metric_->setItemText(0, tr("MCC"));
    metric_->setItemText(1, tr("accuracy"));
    metric_->setItemText(2, tr("macro F1"));
    metric_->setItemText(3, tr("validation loss"));
    warmupSteps_->setSpecialValueText(tr("use ratio"));
    maxSteps_->setSpecialValueText(tr("no limit"));
    headRate_->setSpecialValueText(tr("same"));
    presetLabel_->setText(tr("Preset:"));
    for (int i = 0; i < preset_->count(); ++i) {
        preset_->setItemText(i, TrainingPresets::displayName(preset_->itemData(i).toString()));
        preset_->setItemData(i, TrainingPresets::description(preset_->itemData(i).toString()), Qt::ToolTipRole);
    }
    applyPreset_->setText(tr("Apply preset"));
    load_->setText(tr("Load JSON…"));
    save_->setText(tr("Save JSON…"));
    reset_->setText(tr("Engine defaults"));
    validateNow();
}

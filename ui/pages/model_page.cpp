// ModelPage: see model_page.h.
#include "pages/model_page.h"

#include "widgets/scientific_spin_box.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include "checkpoint/model_handle.h"
#include "training/training_presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
constexpr int kSummaryRows = 11;
}

ModelPage::ModelPage(WorkbenchSession* session, TrainingController* training, QWidget* parent)
    : QWidget(parent), session_(session), training_(training) {
    sourceGroup_ = new QGroupBox(this);
    auto* sourceLayout = new QVBoxLayout(sourceGroup_);
    sourceText_ = new QLabel(sourceGroup_);
    sourceText_->setWordWrap(true);
    sourceText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_ = new QPushButton(sourceGroup_);
    save_ = new QPushButton(sourceGroup_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open_);
    buttons->addWidget(save_);
    buttons->addStretch(1);
    sourceLayout->addWidget(sourceText_);
    sourceLayout->addLayout(buttons);
    connect(open_, &QPushButton::clicked, this, &ModelPage::openFolderRequested);
    connect(save_, &QPushButton::clicked, this, &ModelPage::saveRequested);

    createGroup_ = new QGroupBox(this);
    auto* createForm = new QFormLayout(createGroup_);
    family_ = new QComboBox(createGroup_);
    family_->setObjectName(QStringLiteral("familyCombo"));
    for (auto family : {bertbench::ModelFamily::Bert, bertbench::ModelFamily::DistilBert, bertbench::ModelFamily::Roberta})
        family_->addItem(QString::fromStdString(bertbench::familyDisplayName(family)), int(family));
    preset_ = new QComboBox(createGroup_);
    for (const auto& name : bertbench::sizePresetNames()) preset_->addItem(QString::fromStdString(name));
    vocab_ = new QLineEdit(createGroup_);
    vocabBrowse_ = new QPushButton(createGroup_);
    auto* vocabRow = new QHBoxLayout;
    vocabRow->addWidget(vocab_, 1);
    vocabRow->addWidget(vocabBrowse_);
    lowercase_ = new QCheckBox(createGroup_);
    lowercase_->setChecked(true);
    seed_ = new QSpinBox(createGroup_);
    seed_->setRange(0, 1 << 30);
    seed_->setValue(42);
    create_ = new QPushButton(createGroup_);
    createForm->addRow(familyLabel_ = new QLabel(createGroup_), family_);
    createForm->addRow(presetLabel_ = new QLabel(createGroup_), preset_);
    createForm->addRow(vocabLabel_ = new QLabel(createGroup_), vocabRow);
    createForm->addRow(QString(), lowercase_);
    createForm->addRow(seedLabel_ = new QLabel(createGroup_), seed_);
    createForm->addRow(QString(), create_);
    connect(vocabBrowse_, &QPushButton::clicked, this, &ModelPage::browseVocab);
    connect(create_, &QPushButton::clicked, this, &ModelPage::create);

    summaryGroup_ = new QGroupBox(this);
    summaryGroup_->setObjectName(QStringLiteral("modelSummary"));
    auto* summaryLayout = new QVBoxLayout(summaryGroup_);
    summaryForm_ = new QFormLayout;
    for (int i = 0; i < kSummaryRows; ++i) {
        auto* value = new QLabel(summaryGroup_);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        summaryValues_ << value;
        summaryForm_->addRow(new QLabel(summaryGroup_), value);
    }
    warnings_ = new QPlainTextEdit(summaryGroup_);
    warnings_->setReadOnly(true);
    warnings_->setMaximumHeight(110);
    summaryLayout->addLayout(summaryForm_);
    summaryLayout->addWidget(warnings_);

    adaptGroup_ = new QGroupBox(this);
    auto* adaptLayout = new QVBoxLayout(adaptGroup_);
    adaptText_ = new QLabel(adaptGroup_);
    adaptText_->setWordWrap(true);
    auto* adaptForm = new QFormLayout;
    adaptEpochs_ = new QSpinBox(adaptGroup_);
    adaptEpochs_->setRange(1, 100);
    adaptEpochs_->setValue(1);
    adaptSteps_ = new QSpinBox(adaptGroup_);
    adaptSteps_->setObjectName(QStringLiteral("adaptSteps"));
    adaptSteps_->setRange(0, 1000000);
    adaptSteps_->setValue(200);
    adaptRate_ = new ScientificSpinBox(adaptGroup_);
    adaptRate_->setRange(1e-7, 1e-2);
    adaptRate_->setValue(5e-5);
    adaptForm->addRow(adaptEpochsLabel_ = new QLabel(adaptGroup_), adaptEpochs_);
    adaptForm->addRow(adaptStepsLabel_ = new QLabel(adaptGroup_), adaptSteps_);
    adaptForm->addRow(adaptRateLabel_ = new QLabel(adaptGroup_), adaptRate_);
    adapt_ = new QPushButton(adaptGroup_);
    adapt_->setObjectName(QStringLiteral("adaptButton"));
    adaptStatus_ = new QLabel(adaptGroup_);
    adaptStatus_->setWordWrap(true);
    adaptLayout->addWidget(adaptText_);
    adaptLayout->addLayout(adaptForm);
    adaptLayout->addWidget(adapt_, 0, Qt::AlignLeft);
    adaptLayout->addWidget(adaptStatus_);
    adaptLayout->addStretch(1);
    connect(adapt_, &QPushButton::clicked, this, &ModelPage::adapt);

    auto* grid = new QGridLayout(this);
    grid->addWidget(sourceGroup_, 0, 0);
    grid->addWidget(createGroup_, 1, 0);
    grid->addWidget(adaptGroup_, 2, 0);
    grid->addWidget(summaryGroup_, 0, 1, 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(2, 1);

    connect(session_, &WorkbenchSession::modelChanged, this, &ModelPage::showSummary);
    connect(session_, &WorkbenchSession::modelDirtyChanged, this, &ModelPage::showSummary);
    // The session refuses model changes while a run is active; the buttons say so first.
    auto updateButtons = [this] {
        const bool free = !session_->isBusy() && !training_->isActive();
        for (auto* b : {open_, create_}) b->setEnabled(free);
        save_->setEnabled(free && session_->hasModel());
        adapt_->setEnabled(training_->canStart());
    };
    connect(session_, &WorkbenchSession::busyChanged, this, updateButtons);
    connect(training_, &TrainingController::stateChanged, this, updateButtons);
    // Only an adaptation's steps belong in this box, not a fine-tuning run's.
    connect(training_, &TrainingController::started, this,
            [this](qint64, qint64, bool maskedLM) { adapting_ = maskedLM; });
    connect(training_, &TrainingController::step, this, [this](const bertbench::StepReport& r) {
        if (adapting_)
            adaptStatus_->setText(tr("Step %1 of %2 — loss %3").arg(r.step).arg(r.totalSteps).arg(QLocale().toString(r.loss, 'f', 4)));
    });
    connect(training_, &TrainingController::finished, this, [this](const TrainingOutcome& o) {
        adapting_ = false;
        if (o.maskedLM)
            adaptStatus_->setText(o.result.steps == 0
                                      ? tr("Adaptation stopped; the model is unchanged.")
                                      : tr("Done: the classifier now has the adapted encoder; its head and labels "
                                           "are unchanged."));
    });
    retranslateUi();
}

void ModelPage::retranslateUi() {
    sourceGroup_->setTitle(tr("Current model"));
    open_->setText(tr("Open folder…"));
    open_->setToolTip(tr("A Hugging Face folder (BERT, DistilBERT or RoBERTa) with config.json, its tokenizer "
                         "(vocab.txt, or vocab.json and merges.txt, or tokenizer.json) and model.safetensors or "
                         "pytorch_model.bin"));
    save_->setText(tr("Save as folder…"));
    createGroup_->setTitle(tr("New model from a size preset"));
    familyLabel_->setText(tr("Family:"));
    family_->setToolTip(tr("BERT; DistilBERT (half the layers, no token types); RoBERTa (needs a byte-level BPE "
                           "tokenizer: choose a folder with vocab.json and merges.txt as its vocabulary)"));
    presetLabel_->setText(tr("Size:"));
    preset_->setToolTip(tr("tiny: 2 layers, 128 hidden — trains in minutes on a CPU; base: the BERT paper's 12 layers"));
    vocabLabel_->setText(tr("Vocabulary:"));
    vocab_->setPlaceholderText(tr("bundled bert-base-uncased vocabulary"));
    vocab_->setToolTip(tr("A vocab.txt file, or a model folder whose tokenizer the new model takes"));
    vocabBrowse_->setText(tr("Browse…"));
    lowercase_->setText(tr("Lowercase text (uncased vocabulary)"));
    seedLabel_->setText(tr("Initialisation seed:"));
    create_->setText(tr("Create model"));
    summaryGroup_->setTitle(tr("Summary"));
    const QStringList names = {tr("Architecture:"), tr("Family:"), tr("Source:"), tr("Layers:"), tr("Hidden size:"),
                               tr("Attention heads:"), tr("Max length:"), tr("Vocabulary size:"), tr("Parameters:"),
                               tr("Labels:"),          tr("State:")};
    for (int i = 0; i < kSummaryRows; ++i)
        static_cast<QLabel*>(summaryForm_->itemAt(i, QFormLayout::LabelRole)->widget())->setText(names[i]);
    warnings_->setPlaceholderText(tr("Loading notes (newly initialised or unused weights) appear here."));
    adaptGroup_->setTitle(tr("Domain adaptation (optional)"));
    adaptText_->setText(tr("Continue masked-language-model pre-training on the dataset's sentences before "
                           "fine-tuning. It teaches the encoder the domain's vocabulary; labels are not used."));
    adaptEpochsLabel_->setText(tr("Epochs:"));
    adaptStepsLabel_->setText(tr("Max steps (0 = all):"));
    adaptRateLabel_->setText(tr("Learning rate:"));
    adapt_->setText(tr("Adapt encoder"));
    showSummary();
}

void ModelPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ModelPage::showSummary() {
    const auto& m = session_->model();
    save_->setEnabled(session_->hasModel() && !session_->isBusy() && !training_->isActive());
    if (!session_->hasModel()) {
        sourceText_->setText(tr("No model yet. Open a folder or create one from a preset."));
        for (auto* v : summaryValues_) v->clear();
        warnings_->clear();
        return;
    }
    const auto& s = m.summary;
    sourceText_->setText(m.folder.isEmpty() ? tr("%1, not saved yet").arg(modelSourceName(m)) : m.folder);
    const QLocale locale;
    const QStringList values = {
        qs(s.architecture),
        tr("%1, %2 tokenizer").arg(qs(s.family), qs(s.tokenizerKind)),
        m.folder.isEmpty() ? modelSourceName(m) : qs(s.source),
        QString::number(s.layers),
        tr("%1 (feed-forward %2)").arg(s.hiddenSize).arg(s.intermediateSize),
        QString::number(s.heads),
        tr("%1 tokens").arg(s.maxLength),
        tr("%1 (%2)").arg(locale.toString(qlonglong(s.vocabSize)), s.lowercase ? tr("lowercased") : tr("cased")),
        tr("%1 (%2 trainable)").arg(locale.toString(qlonglong(s.parameters)), locale.toString(qlonglong(s.trainableParameters))),
        toQStringList(s.labels).join(QStringLiteral(", ")),
        session_->modelDirty() ? tr("trained, not saved") : tr("as loaded")};
    for (int i = 0; i < kSummaryRows; ++i) summaryValues_[i]->setText(values[i]);
    summaryValues_[kSummaryRows - 1]->setStyleSheet(session_->modelDirty() ? QStringLiteral("color: #b8860b; font-weight: bold;")
                                                                          : QString());
    warnings_->setPlainText(toQStringList(s.warnings).join(QLatin1Char('\n')));
}

void ModelPage::browseVocab() {
    // RoBERTa's tokenizer is two files (vocab.json, merges.txt): a folder is chosen.
    const bool folder = bertbench::ModelFamily(family_->currentData().toInt()) == bertbench::ModelFamily::Roberta;
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("Folder with a tokenizer"))
                                : QFileDialog::getOpenFileName(this, tr("Vocabulary file"), QString(),
                                                               tr("Vocabulary (*.txt);;All files (*)"));
    if (!path.isEmpty()) vocab_->setText(path);
}

void ModelPage::create() {
    const QString vocab = vocab_->text().isEmpty() ? session_->defaultVocabPath() : vocab_->text();
    session_->createModel(preset_->currentText(), vocab, lowercase_->isChecked(), quint64(seed_->value()),
                          bertbench::ModelFamily(family_->currentData().toInt()));
}

void ModelPage::adapt() {
    // The engine's CPU-friendly preset (dynamic padding, max length 64), with this box's schedule.
    auto options = bertbench::presetOptions("fast-cpu");
    options.epochs = adaptEpochs_->value();
    options.maxSteps = adaptSteps_->value();
    options.learningRate = adaptRate_->value();
    adaptStatus_->setText(tr("Starting…"));
    training_->adaptMaskedLM(options);
}

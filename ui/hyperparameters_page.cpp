// HyperparametersPage: see hyperparameters_page.h.
#include "hyperparameters_page.h"

#include "scientific_spin_box.h"
#include "training_presets.h"

#include "common/errors.h"
#include "runtime/torch_runtime.h"

#include <QCheckBox>
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
#include <QSpinBox>
#include <QVBoxLayout>

using namespace bertbench;

template <class W>
W* HyperparametersPage::addRow(QFormLayout* form, W* editor, const char* text, const char* tip) {
    auto* label = new QLabel;
    form->addRow(label, editor);
    rows_.push_back({label, editor, text, tip});
    return editor;
}

QSpinBox* HyperparametersPage::intBox(int min, int max) {
    auto* box = new QSpinBox;
    box->setRange(min, max);
    box->setMinimumWidth(120);
    connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &HyperparametersPage::validateNow);
    return box;
}

QDoubleSpinBox* HyperparametersPage::realBox(double min, double max, int decimals, double step) {
    auto* box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setMinimumWidth(120);
    connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &HyperparametersPage::validateNow);
    return box;
}

HyperparametersPage::HyperparametersPage(QWidget* parent) : QWidget(parent) {
    auto scientific = [this](double min, double max) {
        auto* box = new ScientificSpinBox;
        box->setRange(min, max);
        box->setMinimumWidth(120);
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &HyperparametersPage::validateNow);
        return box;
    };
    auto combo = [this](int count) {
        auto* box = new QComboBox;
        // Items are named in retranslateUi(), after the form has sized itself: follow the text.
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        for (int i = 0; i < count; ++i) box->addItem(QString());
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &HyperparametersPage::validateNow);
        return box;
    };
    auto group = [this](QGridLayout* grid, int row, int column) {
        auto* box = new QGroupBox;
        groups_ << box;
        grid->addWidget(box, row, column);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
        return form;
    };

    auto* grid = new QGridLayout;
    QFormLayout* f = group(grid, 0, 0);
    epochs_ = addRow(f, intBox(1, 1000), QT_TR_NOOP("Epochs:"),
                     QT_TR_NOOP("Passes over the training data. BERT's authors recommend 2–4 for fine-tuning; more overfits small datasets such as CoLA."));
    maxSteps_ = addRow(f, intBox(0, 100000000), QT_TR_NOOP("Max steps:"),
                       QT_TR_NOOP("Stop after this many optimizer steps, overriding epochs. 0 trains for the full epochs; useful for quick trials."));
    batch_ = addRow(f, intBox(1, 4096), QT_TR_NOOP("Batch size:"),
                    QT_TR_NOOP("Examples per forward pass. 16 or 32 is the usual choice; larger batches need more memory."));
    accumulation_ = addRow(f, intBox(1, 1024), QT_TR_NOOP("Gradient accumulation:"),
                           QT_TR_NOOP("Batches summed before each optimizer step: the effective batch is batch size × this, without the memory cost."));
    rate_ = addRow(f, scientific(1e-8, 1.0), QT_TR_NOOP("Learning rate:"),
                   QT_TR_NOOP("Peak AdamW learning rate. Fine-tuning uses 2e-5 to 5e-5: large enough to adapt the classifier, small enough not to destroy what pre-training learned. LoRA tolerates about 10× more."));
    headRate_ = addRow(f, scientific(0, 1.0), QT_TR_NOOP("Classifier learning rate:"),
                       QT_TR_NOOP("A separate rate for the new classifier and pooler, which start from random weights and may learn faster. 0 uses the learning rate."));
    warmupRatio_ = addRow(f, realBox(0, 1, 3, 0.01), QT_TR_NOOP("Warmup ratio:"),
                          QT_TR_NOOP("Share of all steps during which the rate rises linearly from 0. Warmup (usually 10 %) keeps the first, noisy updates from wrecking pre-trained weights."));
    warmupSteps_ = addRow(f, intBox(-1, 100000000), QT_TR_NOOP("Warmup steps:"),
                          QT_TR_NOOP("Exact number of warmup steps; overrides the ratio when 0 or more. −1 uses the ratio."));
    schedule_ = addRow(f, combo(3), QT_TR_NOOP("Schedule:"),
                       QT_TR_NOOP("How the rate falls after warmup: linearly to 0 (BERT's choice), not at all, or along a cosine."));

    f = group(grid, 1, 0);
    decay_ = addRow(f, realBox(0, 1, 4, 0.001), QT_TR_NOOP("Weight decay:"),
                    QT_TR_NOOP("AdamW's decoupled weight decay (0.01 in BERT), a mild regulariser; never applied to biases and LayerNorm weights."));
    beta1_ = addRow(f, realBox(0, 0.9999, 4, 0.001), QT_TR_NOOP("Adam β1:"),
                    QT_TR_NOOP("Decay of the running mean of gradients (momentum). 0.9 is standard."));
    beta2_ = addRow(f, realBox(0, 0.99999, 5, 0.0001), QT_TR_NOOP("Adam β2:"),
                    QT_TR_NOOP("Decay of the running mean of squared gradients. 0.999 is standard."));
    epsilon_ = addRow(f, scientific(1e-12, 1e-2), QT_TR_NOOP("Adam ε:"),
                      QT_TR_NOOP("Added to the denominator for numerical stability. 1e-8 (BERT uses 1e-6 in some recipes)."));
    clip_ = addRow(f, realBox(0, 1000, 2, 0.1), QT_TR_NOOP("Max gradient norm:"),
                   QT_TR_NOOP("Gradients whose global L2 norm exceeds this are scaled down (clipping), which prevents rare huge updates. 0 disables it."));

    f = group(grid, 0, 1);
    maxLength_ = addRow(f, intBox(8, 512), QT_TR_NOOP("Max length:"),
                        QT_TR_NOOP("Tokens per example including [CLS] and [SEP]; longer texts are truncated. Check the Data page's histogram: most CoLA sentences need fewer than 64."));
    padding_ = addRow(f, combo(2), QT_TR_NOOP("Padding:"),
                      QT_TR_NOOP("Dynamic pads each batch only to its longest example (much faster); max length pads every example to max length, as the classic notebook does."));
    shuffle_ = addRow(f, combo(3), QT_TR_NOOP("Shuffle:"),
                      QT_TR_NOOP("Bucketed groups examples of similar length into batches (less padding); random shuffles freely; none keeps file order."));
    seed_ = addRow(f, intBox(0, 2147483647), QT_TR_NOOP("Seed:"),
                   QT_TR_NOOP("Seeds shuffling, dropout and new weights, so a run can be repeated exactly."));
    evalBatch_ = addRow(f, intBox(1, 4096), QT_TR_NOOP("Evaluation batch size:"),
                        QT_TR_NOOP("Batch size for validation and test; evaluation needs no gradients, so it can be larger."));
    device_ = addRow(f, new QComboBox, QT_TR_NOOP("Device:"),
                     QT_TR_NOOP("Where training runs. CUDA appears when this machine has a usable GPU."));
    device_->addItem(QStringLiteral("cpu"));
    if (cudaAvailable()) device_->addItem(QStringLiteral("cuda"));
    connect(device_, qOverload<int>(&QComboBox::currentIndexChanged), this, &HyperparametersPage::validateNow);

    f = group(grid, 1, 1);
    freeze_ = addRow(f, intBox(0, 48), QT_TR_NOOP("Frozen layers:"),
                     QT_TR_NOOP("Freeze the embeddings and the first K encoder layers: faster and less prone to overfitting, at some cost in accuracy."));
    headOnly_ = addRow(f, new QCheckBox, QT_TR_NOOP("Train classifier only:"),
                       QT_TR_NOOP("Keep the whole encoder fixed and train only the pooler and classifier — a quick baseline."));
    connect(headOnly_, &QCheckBox::toggled, this, &HyperparametersPage::validateNow);
    loraRank_ = addRow(f, intBox(0, 256), QT_TR_NOOP("LoRA rank:"),
                       QT_TR_NOOP("Rank of the low-rank adapters added to the chosen projections; the original weights stay frozen. 0 disables LoRA; 4–16 is typical."));
    loraAlpha_ = addRow(f, realBox(0, 1024, 1, 1), QT_TR_NOOP("LoRA alpha:"),
                        QT_TR_NOOP("Scales the adapters' output by alpha / rank; 2 × rank is a common choice."));
    loraDropout_ = addRow(f, realBox(0, 0.9, 2, 0.05), QT_TR_NOOP("LoRA dropout:"),
                          QT_TR_NOOP("Dropout on the adapters' input, a regulariser for small datasets."));
    loraTargets_ = new QWidget;
    auto* targets = new QHBoxLayout(loraTargets_);
    targets->setContentsMargins(0, 0, 0, 0);
    for (auto** box : {&loraQuery_, &loraKey_, &loraValue_, &loraDense_}) {
        *box = new QCheckBox;
        targets->addWidget(*box);
        connect(*box, &QCheckBox::toggled, this, &HyperparametersPage::validateNow);
    }
    loraQuery_->setText(QStringLiteral("query"));
    loraKey_->setText(QStringLiteral("key"));
    loraValue_->setText(QStringLiteral("value"));
    loraDense_->setText(QStringLiteral("dense"));
    addRow(f, loraTargets_, QT_TR_NOOP("LoRA targets:"),
           QT_TR_NOOP("The projections that get adapters. Query and value, as in the LoRA paper, is usually enough."));
    metric_ = addRow(f, combo(4), QT_TR_NOOP("Best model by:"),
                     QT_TR_NOOP("The validation metric that picks the checkpoint kept at the end. MCC is CoLA's official metric and robust to class imbalance."));
    patience_ = addRow(f, intBox(0, 1000), QT_TR_NOOP("Early stopping patience:"),
                       QT_TR_NOOP("Stop after this many evaluations without improvement of that metric. 0 never stops early."));

    // Top bar: presets and files.
    presetLabel_ = new QLabel;
    preset_ = new QComboBox;
    for (const auto& id : TrainingPresets::ids()) preset_->addItem(QString(), id);
    applyPreset_ = new QPushButton;
    load_ = new QPushButton;
    save_ = new QPushButton;
    reset_ = new QPushButton;
    connect(applyPreset_, &QPushButton::clicked, this, [this] { applyPreset(preset_->currentData().toString()); });
    connect(load_, &QPushButton::clicked, this, &HyperparametersPage::load);
    connect(save_, &QPushButton::clicked, this, &HyperparametersPage::save);
    connect(reset_, &QPushButton::clicked, this, [this] { setOptions(TrainingOptions{}); });
    auto* bar = new QHBoxLayout;
    bar->addWidget(presetLabel_);
    bar->addWidget(preset_);
    bar->addWidget(applyPreset_);
    bar->addStretch(1);
    bar->addWidget(load_);
    bar->addWidget(save_);
    bar->addWidget(reset_);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("optionsStatus"));
    status_->setWordWrap(true);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(grid);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    layout->addWidget(status_);

    retranslateUi();
    setOptions(TrainingOptions{});
}

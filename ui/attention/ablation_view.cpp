// AblationView: see ablation_view.h.
#include "attention/ablation_view.h"

#include "plots/head_labels.h"
#include "plots/head_toggle_grid.h"
#include "plots/probability_bars_plot.h"
#include "session/explain_service.h"
#include "widgets/refresh_when_shown.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QVector<float> toVector(const std::vector<float>& v) { return QVector<float>(v.begin(), v.end()); }
}  // namespace

AblationView::AblationView(ExplainService* service, QWidget* parent)
    : QWidget(parent), service_(service), refresh_(new RefreshWhenShown(this, [this] { request(); })) {
    grid_ = new HeadToggleGrid(this);
    grid_->setMinimumSize(320, 240);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    allOn_ = new QPushButton(this);
    allOn_->setObjectName(QStringLiteral("allHeadsOn"));
    importanceButton_ = new QPushButton(this);
    importanceButton_->setObjectName(QStringLiteral("measureImportance"));
    pruneCount_ = new QSpinBox(this);
    pruneCount_->setObjectName(QStringLiteral("pruneCount"));
    pruneCount_->setRange(1, 1);
    prune_ = new QPushButton(this);
    prune_->setObjectName(QStringLiteral("prune"));
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(allOn_);
    buttons->addWidget(importanceButton_);
    buttons->addStretch(1);
    buttons->addWidget(pruneCount_);
    buttons->addWidget(prune_);
    auto* left = new QVBoxLayout;
    left->addLayout(buttons);
    left->addWidget(hint_);
    left->addWidget(grid_, 1);

    bars_ = new ProbabilityBarsPlot(this);
    referenceLabel_ = new QLabel(this);
    referenceLabel_->setObjectName(QStringLiteral("ablationReference"));
    referenceLabel_->setWordWrap(true);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    pruneLabel_ = new QLabel(this);
    pruneLabel_->setObjectName(QStringLiteral("pruneReport"));
    pruneLabel_->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(bars_);
    right->addWidget(referenceLabel_);
    right->addWidget(status_);
    right->addWidget(pruneLabel_);
    right->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(grid_, &HeadToggleGrid::maskChanged, this, &AblationView::requestMasked);
    connect(allOn_, &QPushButton::clicked, grid_, &HeadToggleGrid::setAllOn);
    connect(importanceButton_, &QPushButton::clicked, this, &AblationView::measureImportance);
    connect(prune_, &QPushButton::clicked, this, [this] { prune(pruneCount_->value()); });
    connect(service_, &ExplainService::predicted, this, [this](int id, const bertbench::Prediction& p) {
        if (id == pendingReference_) {
            reference_ = p;
            showReference();
        }
        if (id != pendingMasked_) return;
        masked_ = p;
        bars_->setProbabilities(service_->labels(), toVector(p.probabilities));
        showReference();
        status_->clear();
        emit predicted();
    });
    connect(service_, &ExplainService::importanceMeasured, this, [this](int id, const bertbench::HeadImportance& h) {
        if (id != pendingImportance_) return;
        importance_ = h;
        grid_->setImportance(toVector(h.scores), QVector<bool>(h.pruned.begin(), h.pruned.end()));
        retranslateUi();  // the hint names the examples measured
        emit importanceMeasured();
    });
    connect(service_, &ExplainService::pruned, this, [this](int id, const bertbench::PruneResult& r) {
        if (id != pendingPrune_) return;
        pruneResult_ = r;
        importance_.reset();
        retranslateUi();
        pruneLabel_->setText(pruneReport());
        status_->clear();
        emit prunedHeads();
    });
    connect(service_, &ExplainService::failed, this, [this](int id, const QString&, const QString& message) {
        if (id == pendingMasked_ || id == pendingReference_ || id == pendingImportance_ || id == pendingPrune_)
            status_->setText(message);
    });
    connect(service_, &ExplainService::modelReplaced, this, [this] {
        resetShape();
        retranslateUi();
        refresh_->request();
    });
    resetShape();
    retranslateUi();
}

void AblationView::retranslateUi() {
    QString hint = tr("Click a head to switch it off (crossed out) or on again; the probabilities follow.");
    if (importance_)
        hint += QLatin1Char(' ') + tr("Importance over %n example(s) of the validation split: darker heads matter more.",
                                      nullptr, int(importance_->examples));
    hint_->setText(hint);
    allOn_->setText(tr("All heads on"));
    importanceButton_->setText(tr("Measure importance"));
    importanceButton_->setToolTip(tr("How much the validation loss depends on each head (Michel et al. 2019), "
                                      "normalised per layer. During training the run waits while it is measured."));
    prune_->setText(tr("Prune least important"));
    prune_->setToolTip(tr("Removes this many of the least important heads from the model (smaller and faster), "
                          "then evaluates it again. Save the model to keep it; transformers loads it. Not while training runs."));
    showReference();
    if (pruneResult_) pruneLabel_->setText(pruneReport());
}

void AblationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void AblationView::resetShape() {
    const int layers = service_->layers(), heads = service_->heads();
    const auto keep = grid_->mask();
    grid_->setShape(layers, heads);
    // The same heads stay off across training steps; another shape starts all on.
    if (keep.layers == layers && keep.heads == heads) {
        const QSignalBlocker blocker(grid_);
        grid_->setMask(keep);
    }
    pruneCount_->setRange(1, std::max(1, layers * (heads - 1)));
    masked_.reset();
    reference_.reset();
    importance_.reset();  // of other weights
}

void AblationView::setSentence(const QString& text) {
    if (text == sentence_ && masked_) return;
    sentence_ = text;
    refresh_->request();
}

void AblationView::request() {
    if (sentence_.trimmed().isEmpty() || !service_->isAvailable()) return;
    bertbench::PredictRequest all;
    all.text = sentence_.trimmed().toStdString();
    pendingReference_ = service_->predict(all, ExplainService::Channel::AblationReference);
    requestMasked();
}

void AblationView::requestMasked() {
    if (sentence_.trimmed().isEmpty() || !service_->isAvailable()) return;
    bertbench::PredictRequest masked;
    masked.text = sentence_.trimmed().toStdString();
    if (grid_->mask().offCount() > 0) masked.headMask = grid_->mask();
    pendingMasked_ = service_->predict(masked, ExplainService::Channel::Ablation);
}

void AblationView::showReference() {
    if (!reference_ || !masked_) {
        referenceLabel_->clear();
        return;
    }
    const QLocale locale;
    const auto labels = service_->labels();
    QStringList parts;
    for (int i = 0; i < int(reference_->probabilities.size()) && i < int(masked_->probabilities.size()); ++i)
        parts << tr("%1: %2 → %3")
                     .arg(labels.value(i), locale.toString(double(reference_->probabilities[size_t(i)]), 'f', 3),
                          locale.toString(double(masked_->probabilities[size_t(i)]), 'f', 3));
    const int off = int(grid_->mask().offCount());
    if (off == 0) {
        referenceLabel_->setText(tr("Every head is on: these are the model's own probabilities."));
        return;
    }
    referenceLabel_->setText(tr("With %n head(s) off, against every head on:", nullptr, off) + QLatin1Char('\n') +
                             parts.join(QLatin1Char('\n')));
}

void AblationView::measureImportance() {
    bertbench::HeadImportanceRequest request;
    pendingImportance_ = service_->measureImportance(request);
    status_->setText(tr("Measuring head importance…"));
}

void AblationView::prune(int count) {
    bertbench::PruneRequest request;
    request.count = count;
    request.importance = importance_;  // measured again when there is none
    pendingPrune_ = service_->prune(request);
    status_->setText(tr("Pruning %n head(s)…", nullptr, count));
}

QString AblationView::pruneReport() const {
    if (!pruneResult_) return {};
    const auto& r = *pruneResult_;
    QStringList heads;
    for (const auto& [layer, list] : r.pruned)
        for (int64_t h : list) heads << HeadLabels::layerAndHead(layer, h);
    const QLocale locale;
    return tr("Pruned %1. Validation accuracy %2 → %3, loss %4 → %5. The model has unsaved changes: save it to keep "
              "the pruned heads.")
        .arg(heads.join(QStringLiteral(", ")), locale.toString(r.before.metrics.accuracy, 'f', 3),
             locale.toString(r.after.metrics.accuracy, 'f', 3), locale.toString(r.before.metrics.loss, 'f', 4),
             locale.toString(r.after.metrics.loss, 'f', 4));
}

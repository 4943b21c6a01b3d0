// TrainingAttentionView: see training_attention_view.h.
#include "attention/training_attention_view.h"

#include "attention/heads_view.h"
#include "session/explain_service.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

TrainingAttentionView::TrainingAttentionView(ExplainService* service, QWidget* parent)
    : QWidget(parent), service_(service) {
    runLabel_ = new QLabel(this);
    runLabel_->setObjectName(QStringLiteral("probeRun"));
    runLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    open_ = new QPushButton(this);
    probeLabel_ = new QLabel(this);
    probe_ = new QComboBox(this);
    probe_->setObjectName(QStringLiteral("probeSentence"));
    probe_->setMinimumContentsLength(30);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("probeStep"));
    slider_->setRange(0, 0);
    slider_->setPageStep(1);
    slider_->setTickPosition(QSlider::TicksBelow);
    stepLabel_ = new QLabel(this);
    stepLabel_->setMinimumWidth(180);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->hide();
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(runLabel_, 1);
    top->addWidget(open_);
    auto* scrub = new QHBoxLayout;
    scrub->setContentsMargins(0, 0, 0, 0);
    scrub->addWidget(probeLabel_);
    scrub->addWidget(probe_);
    scrub->addSpacing(12);
    scrub->addWidget(slider_, 1);
    scrub->addWidget(stepLabel_);
    heads_ = new HeadsView(/*signedValues=*/false, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(scrub);
    layout->addWidget(status_);
    layout->addWidget(heads_, 1);

    connect(open_, &QPushButton::clicked, this, &TrainingAttentionView::browse);
    connect(slider_, &QSlider::valueChanged, this, &TrainingAttentionView::redraw);
    connect(probe_, qOverload<int>(&QComboBox::currentIndexChanged), this, &TrainingAttentionView::redraw);
    connect(service_, &ExplainService::probesLoaded, this,
            [this](int id, const QString& dir, const std::vector<bertbench::AttentionProbeSnapshot>& snapshots) {
                if (id != pending_ && id != pendingNewest_) return;
                // Following a run (or opening another): its newest snapshot.
                const bool atEnd = slider_->value() == slider_->maximum() || dir != runDir_;
                if (id == pendingNewest_) {
                    // A resumed run writes steps it had before: then the run is read again.
                    if (dir != runDir_ || snapshots.empty() ||
                        (!snapshots_.empty() && snapshots.front().step <= snapshots_.back().step))
                        return loadRun(dir);
                    snapshots_.push_back(snapshots.front());
                } else {
                    runDir_ = dir;
                    snapshots_ = snapshots;
                }
                const QSignalBlocker blockSlider(slider_), blockProbe(probe_);
                const int keepProbe = probe_->currentIndex();
                probe_->clear();
                if (!snapshots_.empty())
                    for (const auto& text : snapshots_.back().texts) probe_->addItem(QString::fromStdString(text));
                probe_->setCurrentIndex(std::clamp(keepProbe, 0, std::max(0, probe_->count() - 1)));
                slider_->setRange(0, std::max(0, int(snapshots_.size()) - 1));
                if (atEnd) slider_->setValue(slider_->maximum());
                setStatus(snapshots_.empty() ? tr("This run has no attention snapshots: it stopped before "
                                                         "its first evaluation, or was trained before runs kept them.")
                                                    : QString());
                retranslateUi();
                redraw();
                emit loaded();
            });
    connect(service_, &ExplainService::failed, this, [this](int id, const QString&, const QString& message) {
        if (id == pending_ || id == pendingNewest_) setStatus(message);
    });
    connect(service_, &ExplainService::attentionSnapshotWritten, this, &TrainingAttentionView::snapshotWritten);
    retranslateUi();
}

void TrainingAttentionView::retranslateUi() {
    runLabel_->setText(runDir_.isEmpty() ? tr("Train a model, or open a run folder: each evaluation stores the "
                                              "attention of a few probe sentences.")
                                         : tr("Run: %1").arg(QDir::toNativeSeparators(runDir_)));
    open_->setText(tr("Open run folder…"));
    probeLabel_->setText(tr("Probe:"));
    stepLabel_->setText(stepText());
}

void TrainingAttentionView::setStatus(const QString& text) {
    status_->setText(text);
    status_->setVisible(!text.isEmpty());  // no empty line above the maps
}

void TrainingAttentionView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingAttentionView::browse() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run folder"), runDir_);
    if (!dir.isEmpty()) loadRun(dir);
}

void TrainingAttentionView::loadRun(const QString& runDir) {
    pending_ = service_->loadProbes(runDir);
}

void TrainingAttentionView::snapshotWritten(const QString& probeFile) {
    if (probeFile.isEmpty()) return;
    // RUN/attention_probes/step-N.safetensors -> RUN
    const QString run = QFileInfo(probeFile).dir().absolutePath().section(QLatin1Char('/'), 0, -2);
    // The run shown gains one snapshot per evaluation: only that file is read.
    if (run == runDir_ && !snapshots_.empty()) pendingNewest_ = service_->loadProbes(run, probeFile);
    else loadRun(run);
}

void TrainingAttentionView::showSnapshot(int index) { slider_->setValue(index); }
void TrainingAttentionView::setProbe(int index) { probe_->setCurrentIndex(index); }

QString TrainingAttentionView::stepText() const {
    if (snapshots_.empty()) return {};
    const auto& s = snapshots_[size_t(std::clamp(slider_->value(), 0, int(snapshots_.size()) - 1))];
    return tr("Step %1, epoch %2 (%3 of %4)")
        .arg(s.step)
        .arg(s.epoch + 1)
        .arg(slider_->value() + 1)
        .arg(snapshots_.size());
}

void TrainingAttentionView::redraw() {
    stepLabel_->setText(stepText());
    if (snapshots_.empty()) return heads_->clear();
    const auto& s = snapshots_[size_t(std::clamp(slider_->value(), 0, int(snapshots_.size()) - 1))];
    const int p = probe_->currentIndex();
    if (p < 0 || size_t(p) >= s.attentions.size()) return heads_->clear();
    QStringList tokens;
    std::vector<bool> special;
    for (const auto& t : s.readableTokens[size_t(p)]) tokens << QString::fromStdString(t);
    // The files keep the tokens, not the flags: the special ones are known by name.
    static const QStringList specials = {"[CLS]", "[SEP]", "[PAD]", "<s>", "</s>", "<pad>"};
    for (const auto& t : s.tokens[size_t(p)]) special.push_back(specials.contains(QString::fromStdString(t)));
    heads_->setMaps(s.attentions[size_t(p)], tokens, special);
}

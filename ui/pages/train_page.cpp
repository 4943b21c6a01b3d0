// TrainPage: see train_page.h.
#include "pages/train_page.h"

#include "pages/hyperparameters_page.h"
#include "dialogs/message_dialogs.h"
#include "i18n/engine_messages.h"
#include "plots/training_charts_plot.h"
#include "session/training_controller.h"
#include "widgets/vector_icon_engine.h"
#include "session/workbench_session.h"

#include <QLocale>

#include <algorithm>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

TrainPage::TrainPage(WorkbenchSession* session, TrainingController* training, HyperparametersPage* hyperparameters,
                     QWidget* parent)
    : QWidget(parent), session_(session), training_(training), hyperparameters_(hyperparameters) {
    start_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("start")), QString(), this);
    start_->setObjectName(QStringLiteral("startButton"));
    pause_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("pause")), QString(), this);
    stop_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("stop")), QString(), this);
    continue_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("start")), QString(), this);
    continue_->setObjectName(QStringLiteral("continueButton"));
    exportPng_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("export")), QString(), this);
    exportCsv_ = new QPushButton(VectorIconEngine::icon(QStringLiteral("export")), QString(), this);
    connect(start_, &QPushButton::clicked, this, &TrainPage::start);
    connect(pause_, &QPushButton::clicked, this, &TrainPage::togglePause);
    connect(stop_, &QPushButton::clicked, this, &TrainPage::stop);
    connect(continue_, &QPushButton::clicked, training_, &TrainingController::continueStopped);
    connect(exportPng_, &QPushButton::clicked, this, &TrainPage::exportCharts);
    connect(exportCsv_, &QPushButton::clicked, this, &TrainPage::exportMetrics);

    processesLabel_ = new QLabel(this);
    processes_ = new QSpinBox(this);
    processes_->setObjectName(QStringLiteral("processesBox"));
    processes_->setRange(1, std::max(2, QThread::idealThreadCount()));
    processesLabel_->setBuddy(processes_);
    processes_->setValue(int(hyperparameters_->options().processes));
    connect(processes_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int value) {
        auto options = hyperparameters_->options();
        if (options.processes == value) return;
        options.processes = value;
        hyperparameters_->setOptions(options);
    });
    connect(hyperparameters_, &HyperparametersPage::optionsChanged, this, [this] {
        const QSignalBlocker quiet(processes_);
        processes_->setValue(int(hyperparameters_->options().processes));
    });

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("trainingProgress"));
    progress_->setTextVisible(true);
    stepText_ = new QLabel(this);
    speedText_ = new QLabel(this);
    etaText_ = new QLabel(this);
    bestText_ = new QLabel(this);
    for (auto* l : {stepText_, speedText_, etaText_, bestText_}) l->setMinimumWidth(120);
    chanceNote_ = new QLabel(this);
    chanceNote_->setObjectName(QStringLiteral("chanceNote"));
    chanceNote_->setWordWrap(true);
    chanceNote_->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px; "
                                              "border-radius: 3px; }"));
    chanceNote_->hide();

    auto* buttons = new QHBoxLayout;
    for (auto* b : {start_, pause_, stop_, continue_}) buttons->addWidget(b);
    buttons->addSpacing(16);
    buttons->addWidget(processesLabel_);
    buttons->addWidget(processes_);
    buttons->addSpacing(16);
    buttons->addWidget(progress_, 1);
    buttons->addSpacing(16);
    buttons->addWidget(exportPng_);
    buttons->addWidget(exportCsv_);
    auto* facts = new QHBoxLayout;
    for (auto* l : {stepText_, etaText_, speedText_, bestText_}) facts->addWidget(l);
    facts->addStretch(1);

    charts_ = new TrainingChartsPlot(this);
    log_ = new QPlainTextEdit(this);
    log_->setObjectName(QStringLiteral("trainingLog"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(5000);  // the log of a long run must not grow without bound
    log_->setFont(QFont(QStringLiteral("monospace")));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts_);
    split->addWidget(log_);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(facts);
    layout->addWidget(chanceNote_);
    layout->addWidget(split, 1);

    connect(training_, &TrainingController::stateChanged, this, &TrainPage::updateButtons);
    connect(training_, &TrainingController::started, this, &TrainPage::onStarted);
    connect(training_, &TrainingController::step, this, &TrainPage::onStep);
    connect(training_, &TrainingController::evaluation, this, &TrainPage::onEvaluation);
    connect(training_, &TrainingController::message, this, &TrainPage::log);
    connect(training_, &TrainingController::finished, this, &TrainPage::onFinished);
    connect(training_, &TrainingController::failed, this, [this](const QString& m) { log(tr("Error: %1").arg(m)); });
    connect(session_, &WorkbenchSession::modelChanged, this, &TrainPage::updateButtons);
    connect(session_, &WorkbenchSession::dataChanged, this, &TrainPage::updateButtons);
    connect(hyperparameters_, &HyperparametersPage::optionsChanged, this, &TrainPage::updateButtons);
    retranslateUi();
}

void TrainPage::retranslateUi() {
    start_->setText(tr("Start"));
    start_->setToolTip(tr("Train the current model with the Hyperparameters page's options (Ctrl+R)"));
    pause_->setText(training_->state() == TrainingController::State::Paused ? tr("Resume") : tr("Pause"));
    stop_->setText(tr("Stop"));
    stop_->setToolTip(tr("Stop after the current step; a checkpoint is kept so the run can continue (Shift+F5)"));
    continue_->setText(tr("Continue"));
    continue_->setToolTip(tr("Resume the stopped run from its checkpoint"));
    processesLabel_->setText(tr("&Processes:"));
    processes_->setToolTip(tr("Train in this many processes on this machine, each on its share of every batch, with "
                              "the cores split between them (data parallelism). 1 is one process with every core."));
    exportPng_->setText(tr("Charts as PNG…"));
    exportCsv_->setText(tr("Metrics as CSV…"));
    if (!showingRun_) {
        stepText_->setText(tr("Not started"));
        speedText_->clear();
        etaText_->clear();
        bestText_->clear();
    } else {
        showFacts(training_->isActive());
    }
    updateButtons();
}

void TrainPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void TrainPage::updateButtons() {
    const auto state = training_->state();
    const bool idle = state == TrainingController::State::Idle;
    start_->setEnabled(training_->canStart() && session_->hasData() && session_->hasModel() && hyperparameters_->isValid());
    start_->setToolTip(hyperparameters_->isValid() ? start_->toolTip() : hyperparameters_->validationMessage());
    pause_->setEnabled(state == TrainingController::State::Running || state == TrainingController::State::Paused);
    pause_->setText(state == TrainingController::State::Paused ? tr("Resume") : tr("Pause"));
    pause_->setIcon(VectorIconEngine::icon(state == TrainingController::State::Paused ? QStringLiteral("start")
                                                                                       : QStringLiteral("pause")));
    stop_->setEnabled(state == TrainingController::State::Running || state == TrainingController::State::Paused);
    processes_->setEnabled(idle);
    continue_->setVisible(training_->canContinue());
    continue_->setEnabled(training_->canStart() && training_->canContinue());
}

void TrainPage::start() {
    if (training_->isActive()) return;
    // Nothing of the previous run stays on screen as if it belonged to this one.
    charts_->clear();
    log_->clear();
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p %"));
    for (auto* label : {stepText_, speedText_, etaText_, bestText_}) label->clear();
    chanceNote_->hide();
    bestMcc_ = -2;
    bestStep_ = -1;
    last_ = {};
    training_->start(hyperparameters_->options());
}

void TrainPage::togglePause() {
    if (training_->state() == TrainingController::State::Paused) training_->resume();
    else training_->pause();
}

void TrainPage::stop() {
    if (!training_->isActive()) return;
    // A run past its first epoch is worth a question; the checkpoint keeps it resumable either way.
    if (last_.epochProgress >= 1 &&
        !MessageDialogs::confirm(this, tr("Stop training"),
                                 tr("The run has trained %1 epochs. Stop it now? Continue can resume it later.")
                                     .arg(QLocale().toString(last_.epochProgress, 'f', 1))))
        return;
    training_->stop();
}

void TrainPage::onStarted(qint64 totalSteps, qint64 trainable, bool maskedLM) {
    showingRun_ = !maskedLM;
    if (!showingRun_) return;
    progress_->setRange(0, int(totalSteps));
    log(tr("Training %1 steps; %2 trainable parameters. Run folder: %3")
            .arg(totalSteps)
            .arg(trainable)
            .arg(training_->runDir()));
}

void TrainPage::onStep(const bertbench::StepReport& r) {
    if (!showingRun_) return;
    last_ = r;
    charts_->addStep(r);
    progress_->setMaximum(int(r.totalSteps));
    progress_->setValue(int(r.step));
    showFacts(true);
}

// The progress line, the step's facts, the best metric and the MCC note, from
// what the run reported: on every step, and again when the language changes.
void TrainPage::showFacts(bool withEta) {
    const auto& r = last_;
    if (r.totalSteps > 0) {
        progress_->setFormat(tr("%p % — step %1 of %2").arg(r.step).arg(r.totalSteps));
        stepText_->setText(tr("Epoch %1 · loss %2")
                               .arg(QLocale().toString(r.epochProgress, 'f', 2), QLocale().toString(r.loss, 'f', 4)));
        if (withEta) etaText_->setText(tr("ETA %1 (elapsed %2)").arg(duration(r.etaSeconds), duration(r.elapsedSeconds)));
        speedText_->setText(tr("%1 samples/s").arg(QLocale().toString(r.samplesPerSecond, 'f', 1)));
    }
    if (bestStep_ >= 0)
        bestText_->setText(tr("Best MCC %1 at step %2").arg(QLocale().toString(bestShownMcc_, 'f', 3)).arg(bestStep_));
    if (!chanceNote_->isHidden()) chanceNote_->setText(chanceText());  // isVisible() is false on a hidden page
}

QString TrainPage::chanceText() const {
    return session_->model().created
               ? tr("MCC near 0: the model does no better than always answering the most common class. A new model "
                    "starts from random weights and cannot learn grammar from a few thousand sentences; fine-tune a "
                    "pretrained model (Open model… — e.g. bert-base-uncased from your Hugging Face cache) or try "
                    "the topic sample.")
               : tr("MCC near 0: the model does no better than always answering the most common class. Try more "
                    "epochs, a different learning rate, or check that the label column is right.");
}

void TrainPage::onEvaluation(const bertbench::EvaluationReport& r) {
    if (!showingRun_) return;
    charts_->addEvaluation(r);
    const auto& m = r.metrics;
    log(tr("%1 after epoch %2: accuracy %3, MCC %4, macro F1 %5, loss %6%7")
            .arg(EngineMessages::splitName(QString::fromStdString(r.split)))
            .arg(r.epoch + 1)
            .arg(QLocale().toString(m.accuracy, 'f', 4))
            .arg(QLocale().toString(m.mcc, 'f', 4))
            .arg(QLocale().toString(m.f1Macro, 'f', 4))
            .arg(QLocale().toString(m.loss, 'f', 4))
            .arg(r.improved ? tr(" (best so far)") : QString()));
    bestMcc_ = std::max(bestMcc_, m.mcc);
    if (r.improved) {
        bestShownMcc_ = m.mcc;
        bestStep_ = r.step;
        showFacts(false);
    }
}

void TrainPage::onFinished(const TrainingOutcome& outcome) {
    charts_->redrawNow();
    if (!showingRun_) return;
    const auto& r = outcome.result;
    if (r.completed)
        log(tr("Finished after %1 steps%2. The model now holds the best weights; save it on the Model page.")
                .arg(r.steps)
                .arg(r.stoppedEarly ? tr(" (stopped early)") : QString()));
    else
        log(tr("Stopped after %1 steps. A checkpoint was kept; Continue resumes the run.").arg(r.steps));
    etaText_->clear();
    // An MCC near 0 looks like a bug; for a new model it is the expected
    // outcome on a task that needs language knowledge. Say so where it shows.
    if (bestMcc_ > -2 && bestMcc_ < 0.05) {
        chanceNote_->setText(chanceText());
        chanceNote_->show();
        log(chanceNote_->text());
    }
}

void TrainPage::log(const QString& line) {
    log_->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line);
}

QString TrainPage::duration(double seconds) {
    const qint64 s = qint64(std::max(0.0, seconds) + 0.5);
    if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void TrainPage::exportCharts() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export charts"), QStringLiteral("training.png"),
                                                      tr("PNG image (*.png)"));
    if (!path.isEmpty() && !charts_->savePng(path)) log(tr("Could not write %1").arg(path));
}

void TrainPage::exportMetrics() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"), QStringLiteral("metrics.csv"),
                                                      tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !charts_->saveCsv(path, &error)) log(tr("Could not write %1: %2").arg(path, error));
}

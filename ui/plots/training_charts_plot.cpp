// TrainingChartsPlot: see training_charts_plot.h.
#include "plots/training_charts_plot.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QLineSeries>
#include <QPainter>
#include <QSaveFile>
#include <QScatterSeries>
#include <QTextStream>
#include <QTimer>
#include <QValueAxis>
#include <cmath>

namespace {

constexpr double kSmoothing = 0.95;  // EMA weight, TensorBoard's default feel for noisy per-step loss

QChartView* makeView(QWidget* parent, QValueAxis*& x, QValueAxis*& y) {
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setLocalizeNumbers(true);  // "0,25" in German
    chart->legend()->setAlignment(Qt::AlignBottom);
    x = new QValueAxis;
    y = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

QLineSeries* addLine(QChartView* view, QValueAxis* x, QValueAxis* y, const QColor& color, qreal width) {
    auto* s = new QLineSeries;
    view->chart()->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    QPen pen(color);
    pen.setWidthF(width);
    s->setPen(pen);
    return s;
}

void fitY(QValueAxis* axis, const QVector<QPointF>& a, const QVector<QPointF>& b = {}, bool fromZero = false) {
    if (a.isEmpty() && b.isEmpty()) return;
    double lo = fromZero ? 0 : 1e300, hi = -1e300;
    for (const auto* v : {&a, &b})
        for (const auto& p : *v) lo = std::min(lo, p.y()), hi = std::max(hi, p.y());
    if (hi <= lo) hi = lo + 1e-9 + std::abs(lo) * 0.1;
    const double pad = (hi - lo) * 0.05;
    axis->setRange(fromZero ? lo : lo - pad, hi + pad);
    axis->applyNiceNumbers();  // 0.2, 0.4 … rather than 0.19, 0.38 …
}

// Ticks from 0 at a 1-2-5 interval of at least `minInterval`, so step
// counts never read "2, 5, 7" (integers rounded from 2.5 and 7.5).
void fitX(QValueAxis* axis, double max, double minInterval) {
    axis->setRange(0, max);
    const double raw = std::max(minInterval, max / 6);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double interval = magnitude;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * magnitude >= raw) {
            interval = f * magnitude;
            break;
        }
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(interval);
}

}  // namespace

TrainingChartsPlot::TrainingChartsPlot(QWidget* parent) : QWidget(parent) {
    lossView_ = makeView(this, lossX_, lossY_);
    rateView_ = makeView(this, rateX_, rateY_);
    metricView_ = makeView(this, metricX_, metricY_);
    lossView_->setObjectName(QStringLiteral("lossChart"));
    rateView_->setObjectName(QStringLiteral("learningRateChart"));
    metricView_->setObjectName(QStringLiteral("validationChart"));
    rawLoss_ = addLine(lossView_, lossX_, lossY_, QColor(0x9d, 0xb7, 0xdc), 1.0);
    smoothLoss_ = addLine(lossView_, lossX_, lossY_, QColor(0x1f, 0x4e, 0x96), 2.2);
    rawLoss_->setObjectName(QStringLiteral("rawLoss"));
    rate_ = addLine(rateView_, rateX_, rateY_, QColor(0xd9, 0x6c, 0x1e), 2.0);
    rateY_->setLabelFormat(QStringLiteral("%.1e"));
    // Gradual unfreezing: a marker where each layer group joins the training.
    unfreezing_ = new QScatterSeries;
    unfreezing_->setObjectName(QStringLiteral("unfreezeMarkers"));
    unfreezing_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    unfreezing_->setMarkerSize(9);
    unfreezing_->setColor(QColor(0x2e, 0x8b, 0x57));
    rateView_->chart()->addSeries(unfreezing_);
    unfreezing_->attachAxis(rateX_);
    unfreezing_->attachAxis(rateY_);
    rateView_->chart()->legend()->hide();
    accuracy_ = addLine(metricView_, metricX_, metricY_, QColor(0x3f, 0x6f, 0xb5), 2.0);
    mcc_ = addLine(metricView_, metricX_, metricY_, QColor(0xc0, 0x39, 0x2b), 2.0);
    f1_ = addLine(metricView_, metricX_, metricY_, QColor(0x2e, 0x8b, 0x57), 2.0);
    validationLoss_ = addLine(metricView_, metricX_, metricY_, QColor(0x88, 0x88, 0x88), 1.5);
    for (auto* s : {accuracy_, mcc_, f1_, validationLoss_}) s->setPointsVisible(true);
    metricX_->setLabelFormat(QStringLiteral("%.0f"));  // whole epochs; "%g" is not localised
    metricY_->setLabelFormat(QStringLiteral("%.2f"));
    metricY_->setRange(0, 1);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(lossView_, 0, 0, 1, 2);
    grid->addWidget(rateView_, 1, 0);
    grid->addWidget(metricView_, 1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);

    redraw_ = new QTimer(this);
    redraw_->setInterval(250);  // a few frames a second is live enough and costs little
    connect(redraw_, &QTimer::timeout, this, [this] {
        if (dirty_) redrawNow();
    });
    redraw_->start();
    retranslateUi();
    clear();
}

void TrainingChartsPlot::retranslateUi() {
    lossView_->chart()->setTitle(tr("Training loss per step"));
    rateView_->chart()->setTitle(tr("Learning rate"));
    metricView_->chart()->setTitle(tr("Validation per epoch"));
    rawLoss_->setName(tr("loss"));
    smoothLoss_->setName(tr("smoothed"));
    rate_->setName(tr("learning rate"));
    unfreezing_->setName(tr("unfrozen"));
    accuracy_->setName(tr("accuracy"));
    mcc_->setName(tr("MCC"));
    f1_->setName(tr("macro F1"));
    validationLoss_->setName(tr("loss"));
    lossX_->setTitleText(tr("step"));
    rateX_->setTitleText(tr("step"));
    metricX_->setTitleText(tr("epoch"));
}

void TrainingChartsPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingChartsPlot::clear() {
    loss_.clear();
    smoothed_.clear();
    rates_.clear();
    unfreezeMarkers_.clear();
    steps_.clear();
    evaluations_.clear();
    ema_ = 0;
    dirty_ = true;
    redrawNow();
}

void TrainingChartsPlot::addStep(const bertbench::StepReport& r) {
    // Bias-corrected EMA, so the smoothed line starts at the first loss rather than at 0.
    ema_ = kSmoothing * ema_ + (1 - kSmoothing) * r.loss;
    const double corrected = ema_ / (1 - std::pow(kSmoothing, double(loss_.size() + 1)));
    loss_ << QPointF(double(r.step), r.loss);
    smoothed_ << QPointF(double(r.step), corrected);
    rates_ << QPointF(double(r.step), r.learningRate);
    if (!r.unfrozen.empty()) unfreezeMarkers_ << QPointF(double(r.step), r.learningRate);
    steps_ << r;
    dirty_ = true;
}

void TrainingChartsPlot::addEvaluation(const bertbench::EvaluationReport& r) {
    if (r.split != "validation") return;
    evaluations_ << r;
    dirty_ = true;
}

QVector<QPointF> TrainingChartsPlot::envelope(const QVector<QPointF>& points, int maxPoints) {
    if (points.size() <= maxPoints) return points;
    QVector<QPointF> out;
    const int buckets = maxPoints / 2;
    out.reserve(buckets * 2);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype from = points.size() * b / buckets, to = points.size() * (b + 1) / buckets;
        if (from >= to) continue;
        qsizetype lo = from, hi = from;
        for (qsizetype i = from; i < to; ++i) {
            if (points[i].y() < points[lo].y()) lo = i;
            if (points[i].y() > points[hi].y()) hi = i;
        }
        out << points[std::min(lo, hi)] << points[std::max(lo, hi)];
    }
    return out;
}

QVector<QPointF> TrainingChartsPlot::strided(const QVector<QPointF>& points, int maxPoints) {
    if (points.size() <= maxPoints) return points;
    QVector<QPointF> out;
    out.reserve(maxPoints + 1);
    const double stride = double(points.size()) / maxPoints;
    for (int i = 0; i < maxPoints; ++i) out << points[qsizetype(i * stride)];
    out << points.last();
    return out;
}

void TrainingChartsPlot::redrawNow() {
    dirty_ = false;
    rawLoss_->replace(envelope(loss_, kMaxDrawn));
    smoothLoss_->replace(strided(smoothed_, kMaxDrawn));
    rate_->replace(strided(rates_, kMaxDrawn));
    unfreezing_->replace(unfreezeMarkers_);
    const double lastStep = loss_.isEmpty() ? 10 : std::max(10.0, loss_.last().x());
    fitX(lossX_, lastStep, 1);
    fitX(rateX_, lastStep, 1);
    fitY(lossY_, loss_, {}, true);
    fitY(rateY_, rates_, {}, true);
    QVector<QPointF> acc, mcc, f1, vloss;
    for (const auto& e : evaluations_) {
        if (steps_.isEmpty()) break;
        // Plot at the fractional epoch reached, so a run stopped mid-epoch still lines up.
        double x = double(e.epoch + 1);
        const qsizetype at = qsizetype(e.step) - steps_.first().step;  // steps arrive consecutively
        if (!steps_.isEmpty() && at >= 0 && at < steps_.size()) x = steps_[at].epochProgress;
        acc << QPointF(x, e.metrics.accuracy);
        mcc << QPointF(x, e.metrics.mcc);
        f1 << QPointF(x, e.metrics.f1Macro);
        vloss << QPointF(x, e.metrics.loss);
    }
    accuracy_->replace(acc);
    mcc_->replace(mcc);
    f1_->replace(f1);
    validationLoss_->replace(vloss);
    double lo = 0, hi = 1;
    for (const auto* v : {&acc, &mcc, &f1, &vloss})
        for (const auto& p : *v) lo = std::min(lo, p.y()), hi = std::max(hi, p.y());
    // Ticks every 0.5 from 0, with a little room above 1 and beside the last
    // epoch, so that a perfect score or a single epoch is not drawn on the frame.
    metricY_->setTickType(QValueAxis::TicksDynamic);
    metricY_->setTickAnchor(0);
    metricY_->setTickInterval(hi - lo > 2 ? 1.0 : 0.5);  // few labels: the chart is short at 1280×720
    metricY_->setRange(lo < 0 ? std::floor(lo * 4) / 4 - 0.05 : 0, hi + 0.05);
    const double epochs = steps_.isEmpty() ? 1 : std::max(1.0, std::ceil(steps_.last().epochProgress));
    fitX(metricX_, epochs, 1);
    metricX_->setMax(epochs + 0.25);
}

int TrainingChartsPlot::drawnLossPoints() const { return int(rawLoss_->count()); }

bool TrainingChartsPlot::savePng(const QString& path) const {
    return const_cast<TrainingChartsPlot*>(this)->grab().save(path, "PNG");
}

bool TrainingChartsPlot::saveCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error) *error = file.errorString();
        return false;
    }
    QTextStream out(&file);
    out << "kind,step,epoch,loss,learning_rate,grad_norm,samples_per_second,accuracy,mcc,f1_macro\n";
    for (const auto& s : steps_)
        out << "step," << s.step << ',' << s.epochProgress << ',' << s.loss << ',' << s.learningRate << ','
            << s.gradNorm << ',' << s.samplesPerSecond << ",,,\n";
    for (const auto& e : evaluations_)
        out << QString::fromStdString(e.split) << ',' << e.step << ',' << e.epoch + 1 << ',' << e.metrics.loss
            << ",,,," << e.metrics.accuracy << ',' << e.metrics.mcc << ',' << e.metrics.f1Macro << '\n';
    out.flush();
    if (!file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

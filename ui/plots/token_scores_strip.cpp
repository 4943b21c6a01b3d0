// TokenScoresStrip: see token_scores_strip.h.
#include "plots/token_scores_strip.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace {
constexpr int kPadding = 5, kGap = 4, kLegendHeight = 34;
}

TokenScoresStrip::TokenScoresStrip(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tokenScores"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    QFont larger = font();  // the tokens are what this view is read for
    larger.setPointSizeF(larger.pointSizeF() * 1.25);
    setFont(larger);
}

void TokenScoresStrip::setScores(const QStringList& tokens, const QVector<float>& scores) {
    tokens_ = tokens;
    scores_ = scores;
    scores_.resize(tokens_.size());
    updateGeometry();
    update();
}

void TokenScoresStrip::clear() { setScores({}, {}); }

void TokenScoresStrip::setScaleLimit(double maxAbs) {
    fixedLimit_ = std::max(0.0, maxAbs);
    update();
}

double TokenScoresStrip::scaleLimit() const {
    if (fixedLimit_ > 0) return fixedLimit_;
    double limit = 0;
    for (float s : scores_) limit = std::max(limit, std::abs(double(s)));
    return limit > 0 ? limit : 1.0;
}

QColor TokenScoresStrip::colourOf(double score, double maxAbs) {
    // White to a strong red or blue; colour-blind readers still get the
    // direction from the legend and the tooltip's sign.
    const double t = maxAbs > 0 ? std::clamp(std::abs(score) / maxAbs, 0.0, 1.0) : 0.0;
    const QColor end = score >= 0 ? QColor(0xc6, 0x28, 0x28) : QColor(0x1f, 0x5f, 0xbf);
    auto mix = [t](int from, int to) { return int(std::lround(from + (to - from) * t)); };
    return QColor(mix(255, end.red()), mix(255, end.green()), mix(255, end.blue()));
}

QVector<QRect> TokenScoresStrip::layoutBoxes(int width, int* height) const {
    const QFontMetrics fm(font());
    const int boxHeight = fm.height() + 2 * kPadding;
    QVector<QRect> boxes;
    int x = 0, y = 0;
    for (const QString& token : tokens_) {
        const int w = std::min(width, fm.horizontalAdvance(token) + 2 * kPadding);
        if (x > 0 && x + w > width) {
            x = 0;
            y += boxHeight + kGap;
        }
        boxes << QRect(x, y, w, boxHeight);
        x += w + kGap;
    }
    if (height) *height = (tokens_.isEmpty() ? 0 : y + boxHeight) + kGap + kLegendHeight;
    return boxes;
}

int TokenScoresStrip::heightForWidth(int width) const {
    int height = 0;
    layoutBoxes(width, &height);
    return height;
}

QSize TokenScoresStrip::sizeHint() const { return {480, heightForWidth(480)}; }

void TokenScoresStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (tokens_.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("The sentence's tokens appear here, shaded by score."));
        return;
    }
    const double limit = scaleLimit();
    int height = 0;
    const auto boxes = layoutBoxes(width(), &height);
    for (int i = 0; i < boxes.size(); ++i) {
        const QColor fill = colourOf(scores_[i], limit);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.setBrush(fill);
        p.drawRoundedRect(boxes[i], 4, 4);
        p.setPen(fill.lightness() < 110 ? Qt::white : Qt::black);  // readable on the darkest shades
        p.drawText(boxes[i], Qt::AlignCenter, tokens_[i]);
    }
    // Legend: −limit … 0 … +limit as a gradient bar.
    const QRect bar(0, height - kLegendHeight + 4, std::min(width(), 360), 10);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0, colourOf(-limit, limit));
    gradient.setColorAt(0.5, Qt::white);
    gradient.setColorAt(1, colourOf(limit, limit));
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(gradient);
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::WindowText));
    const QLocale locale;
    const QRect labels(bar.left(), bar.bottom() + 1, bar.width(), fontMetrics().height());
    p.drawText(labels, Qt::AlignLeft, locale.toString(-limit, 'g', 3));
    p.drawText(labels, Qt::AlignHCenter, QStringLiteral("0"));
    p.drawText(labels, Qt::AlignRight, locale.toString(limit, 'g', 3));
}

bool TokenScoresStrip::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto boxes = layoutBoxes(width(), nullptr);
        for (int i = 0; i < boxes.size(); ++i)
            if (boxes[i].contains(help->pos())) {
                QToolTip::showText(help->globalPos(),
                                   tr("%1: %2").arg(tokens_[i], QLocale().toString(double(scores_[i]), 'f', 4)), this);
                return true;
            }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

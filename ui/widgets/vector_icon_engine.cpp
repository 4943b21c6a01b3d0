// VectorIconEngine: see vector_icon_engine.h. Every icon is drawn on a 24×24
// grid, stroked like the desktop icon's style (round caps, one blue).
#include "widgets/vector_icon_engine.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

const QColor kInk(0x3a, 0x5a, 0x8c);

void drawGlyph(QPainter& p, const QString& name) {
    QPen pen(kInk, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    auto folder = [&] {
        QPainterPath path;
        path.moveTo(3, 7);
        path.lineTo(3, 5);
        path.lineTo(9, 4.5);
        path.lineTo(11, 6);
        path.lineTo(20, 6);
        path.lineTo(20, 8);
        p.drawPath(path);
        p.drawPolygon(QPolygonF({{3, 8}, {21, 8}, {19, 19}, {5, 19}}));
    };
    if (name == QLatin1String("data")) {
        p.drawRoundedRect(QRectF(3, 4, 18, 16), 2, 2);
        p.drawLine(QPointF(3, 9), QPointF(21, 9));
        p.drawLine(QPointF(3, 14.5), QPointF(21, 14.5));
        p.drawLine(QPointF(9, 4), QPointF(9, 20));
    } else if (name == QLatin1String("model")) {
        p.drawPolygon(QPolygonF({{12, 2.5}, {20.5, 7}, {20.5, 17}, {12, 21.5}, {3.5, 17}, {3.5, 7}}));
        p.drawLine(QPointF(12, 12), QPointF(20.5, 7));
        p.drawLine(QPointF(12, 12), QPointF(3.5, 7));
        p.drawLine(QPointF(12, 12), QPointF(12, 21.5));
    } else if (name == QLatin1String("hyperparameters") || name == QLatin1String("settings")) {
        const qreal knobs[3] = {15, 9, 17};
        for (int i = 0; i < 3; ++i) {
            const qreal y = 6 + 6 * i;
            p.drawLine(QPointF(3.5, y), QPointF(20.5, y));
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(knobs[i], y), 2.2, 2.2);
            p.setBrush(Qt::NoBrush);
        }
    } else if (name == QLatin1String("train")) {
        p.drawPolyline(QPolygonF({{3, 3.5}, {3, 20.5}, {21, 20.5}}));
        p.setPen(QPen(QColor(0xd9, 0x6c, 0x1e), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({{5, 6}, {9, 12}, {12, 11}, {16, 15.5}, {20, 16.5}}));
    } else if (name == QLatin1String("evaluate")) {
        p.drawRoundedRect(QRectF(3, 3, 18, 18), 2, 2);
        p.setPen(QPen(QColor(0x2e, 0x8b, 0x57), 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({{7, 12.5}, {10.5, 16}, {17, 8}}));
    } else if (name == QLatin1String("predict")) {
        p.drawLine(QPointF(4, 6), QPointF(20, 6));
        p.drawLine(QPointF(4, 11), QPointF(14, 11));
        p.drawLine(QPointF(4, 16), QPointF(10, 16));
        p.setBrush(kInk);
        p.drawPolygon(QPolygonF({{14, 13}, {21, 16.5}, {17.8, 17.5}, {16.8, 21}}));
    } else if (name == QLatin1String("attention")) {
        p.setPen(QPen(kInk, 1.2));
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                const QRectF cell(3 + 6.5 * c, 3 + 6.5 * r, 5, 5);
                const int shade = r == c ? 255 : (qAbs(r - c) == 1 ? 110 : 40);
                QColor fill = kInk;
                fill.setAlpha(shade);
                p.setBrush(fill);
                p.drawRect(cell);
            }
    } else if (name == QLatin1String("runs")) {  // a history: a clock face over stacked runs
        p.drawEllipse(QPointF(11, 10), 7.5, 7.5);
        p.drawPolyline(QPolygonF({{11, 5.5}, {11, 10}, {14.5, 12}}));
        p.setPen(QPen(QColor(0xd9, 0x6c, 0x1e), 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(5, 21), QPointF(21, 21));
        p.drawLine(QPointF(20.5, 14), QPointF(20.5, 21));
    } else if (name == QLatin1String("open")) {
        folder();
    } else if (name == QLatin1String("open-model")) {
        folder();
        p.setPen(QPen(kInk, 1.4));
        p.drawPolygon(QPolygonF({{12, 10}, {15, 11.7}, {15, 15.3}, {12, 17}, {9, 15.3}, {9, 11.7}}));
    } else if (name == QLatin1String("save")) {
        p.drawPolygon(QPolygonF({{4, 3.5}, {16.5, 3.5}, {20.5, 7.5}, {20.5, 20.5}, {3.5, 20.5}, {3.5, 3.5}}));
        p.drawRect(QRectF(7.5, 3.5, 8, 5));
        p.drawRect(QRectF(7, 13.5, 10, 7));
    } else if (name == QLatin1String("start")) {
        const QColor green(0x2e, 0x8b, 0x57);
        p.setPen(QPen(green, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(green);
        p.drawPolygon(QPolygonF({{7, 4}, {20, 12}, {7, 20}}));
    } else if (name == QLatin1String("pause")) {
        const QColor amber(0xb8, 0x86, 0x0b);
        p.setPen(Qt::NoPen);
        p.setBrush(amber);
        p.drawRoundedRect(QRectF(6, 4, 4, 16), 1, 1);
        p.drawRoundedRect(QRectF(14, 4, 4, 16), 1, 1);
    } else if (name == QLatin1String("stop")) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xb2, 0x22, 0x22));
        p.drawRoundedRect(QRectF(5, 5, 14, 14), 1.5, 1.5);
    } else if (name == QLatin1String("export")) {
        p.drawLine(QPointF(12, 3), QPointF(12, 15));
        p.drawPolyline(QPolygonF({{7, 8}, {12, 3}, {17, 8}}));
        p.drawPolyline(QPolygonF({{4, 15}, {4, 20}, {20, 20}, {20, 15}}));
    } else {  // "app": the desktop icon's motif
        QLinearGradient g(0, 0, 24, 24);
        g.setColorAt(0, QColor(0x3f, 0x6f, 0xb5));
        g.setColorAt(1, QColor(0x22, 0x3d, 0x66));
        p.setPen(Qt::NoPen);
        p.setBrush(g);
        p.drawRoundedRect(QRectF(1, 1, 22, 22), 4.5, 4.5);
        QFont font;
        font.setBold(true);
        font.setPixelSize(15);
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(QRectF(1, 0, 22, 20), Qt::AlignCenter, QStringLiteral("B"));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf0, 0xb4, 0x29));
        p.drawRoundedRect(QRectF(6, 18, 12, 1.6), 0.8, 0.8);
    }
}

}  // namespace

void VectorIconEngine::paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(rect.width(), rect.height());
    painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
    painter->scale(side / 24.0, side / 24.0);
    if (mode == QIcon::Disabled) painter->setOpacity(0.35);
    drawGlyph(*painter, name_);
    painter->restore();
}

QPixmap VectorIconEngine::pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) {
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap VectorIconEngine::scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) {
    QPixmap pm(size * scale);
    pm.setDevicePixelRatio(scale);
    pm.fill(Qt::transparent);
    QPainter painter(&pm);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pm;
}

// VectorIconEngine: the workbench's icons drawn with QPainter at whatever
// size and device pixel ratio is asked for, so they stay sharp on high-DPI
// screens. (Debian's Qt 6.4 base packages carry no SVG image plugin, so the
// icons are paths in code rather than .svg files; resources/icons/bertbench.svg
// is the desktop icon, which the desktop environment renders.)
#pragma once

#include <QIcon>
#include <QIconEngine>

class VectorIconEngine : public QIconEngine {
public:
    // name: data, model, hyperparameters, train, evaluate, predict, attention,
    // open, open-model, save, start, pause, stop, export, settings, app.
    explicit VectorIconEngine(QString name) : name_(std::move(name)) {}

    static QIcon icon(const QString& name) { return QIcon(new VectorIconEngine(name)); }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine* clone() const override { return new VectorIconEngine(name_); }
    QString key() const override { return QStringLiteral("VectorIconEngine"); }

private:
    QString name_;
};

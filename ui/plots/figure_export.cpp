// FigureExport: see figure_export.h.
#include "plots/figure_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <qcustomplot.h>

namespace {
QString tr(const char* text) { return QCoreApplication::translate("FigureExport", text); }

// Paints `figure` on a fresh painter over `device` (scaled by `scale`).
bool paintFigure(QWidget* figure, QPaintDevice* device, double scale) {
    if (auto* plot = qobject_cast<QCustomPlot*>(figure)) {
        // QCustomPlot's own painting path draws vectors, not its screen buffer.
        QCPPainter painter;
        if (!painter.begin(device)) return false;
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.scale(scale, scale);
        plot->toPainter(&painter, figure->width(), figure->height());
        return painter.end();
    }
    QPainter painter;
    if (!painter.begin(device)) return false;
    painter.scale(scale, scale);
    painter.setRenderHint(QPainter::Antialiasing);
    figure->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return painter.end();
}
}  // namespace

QString FigureExport::fileFilter() { return tr("PNG image (*.png);;SVG image (*.svg)"); }

QString FigureExport::save(QWidget* figure, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return tr("%1: choose a name ending in .png or .svg").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return tr("%1: %2").arg(path, file.errorString());
    const QSize size = figure->size();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(), size));
        if (!paintFigure(figure, &svg, 1.0)) return tr("%1: the SVG could not be written").arg(path);
    } else {
        QImage image(size * 2, QImage::Format_ARGB32);
        image.fill(figure->palette().color(QPalette::Window));
        if (!paintFigure(figure, &image, 2.0) || !image.save(&file, "PNG"))
            return tr("%1: the PNG could not be written").arg(path);
    }
    if (!file.commit()) return tr("%1: %2").arg(path, file.errorString());
    return {};
}

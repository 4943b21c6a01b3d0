// Saving what a view shows as a figure: PNG (twice the screen's pixels, for
// slides) or SVG (vectors, for papers), chosen by the file's suffix. Plots
// drawn by QCustomPlot are rendered as vectors into the SVG; other widgets
// as they paint themselves. Written to a temporary name and renamed, so a
// failed export never leaves half a file where a good one was.
#pragma once

#include <QString>

class QWidget;

namespace FigureExport {

// The file-dialog filter offering both formats, translated.
QString fileFilter();
// "" on success, otherwise a message naming the file.
QString save(QWidget* figure, const QString& path);

}  // namespace FigureExport

// AboutDialog: what BertBench is, and the versions of the app, Qt and the
// LibTorch runtime (for bug reports).
#pragma once

#include <QDialog>

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    static QString versionText();
};

// SettingsDialog: the preferences that are not part of a training run —
// for now the language (system default, English, German), applied at once.
#pragma once

#include <QDialog>

class QComboBox;

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const QString& language, QWidget* parent = nullptr);
    QString language() const;  // "" = follow the system

private:
    QComboBox* language_;
};

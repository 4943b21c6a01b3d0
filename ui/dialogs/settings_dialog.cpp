// SettingsDialog: see settings_dialog.h.
#include "dialogs/settings_dialog.h"

#include "i18n/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>

SettingsDialog::SettingsDialog(const QString& language, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("languageCombo"));
    language_->addItem(tr("System default"), QString());
    for (const auto& code : Language::available()) language_->addItem(Language::nativeName(code), code);
    language_->setCurrentIndex(std::max(0, language_->findData(language)));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Language:"), language_);
    form->addRow(buttons);
}

QString SettingsDialog::language() const { return language_->currentData().toString(); }

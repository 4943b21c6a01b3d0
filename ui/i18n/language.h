// Language: which translation the workbench shows. "" follows the system
// locale; otherwise a code such as "de" or "en". Applying a language swaps the
// installed QTranslators, and Qt sends every widget a LanguageChange event,
// on which pages re-run their retranslateUi().
#pragma once

#include <QString>
#include <QStringList>

namespace Language {

// Codes with a compiled translation (plus "en", the source language).
QStringList available();
QString nativeName(const QString& code);
// Installs the translators for `code` ("" = system locale); returns the code in effect.
QString apply(const QString& code);
QString current();

}  // namespace Language

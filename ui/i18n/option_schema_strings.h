// The option schema's English strings (group titles, labels, help texts, choice
// labels, what a minimum means), listed here for lupdate: they live in core/,
// which has no Qt, so the GUI translates them in the "OptionSchema" context.
// tst_hyperparameters_form checks that this list keeps up with the schema.
#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace OptionSchemaStrings {

QString translated(const std::string& english);
QStringList sources();  // every string of the list, untranslated

}  // namespace OptionSchemaStrings

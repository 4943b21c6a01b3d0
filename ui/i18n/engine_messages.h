// The engine's English messages in the user's language. core/ has no Qt, so it
// words its errors, skipped-row reasons, status and log lines in English; the
// GUI recognises them here by templates taken from core's source ("only %1 %2;
// missing the %3") and puts their arguments (paths, line numbers, values,
// counts) into the translation from the "EngineMessages" context of the .ts
// file. A FileError's "<path>[:<line>]: <reason>" keeps its location and gets
// its reason translated; arguments that are engine phrases themselves (the
// skipped row's reason inside "no usable rows; …") are translated in turn.
// Text that matches no template, or whose template has no translation, comes
// back unchanged. tst_engine_messages checks the templates against core/.
#pragma once

#include <QString>

#include <vector>

namespace EngineMessages {

// englishMessage translated, or unchanged when nothing recognises it.
QString translate(const QString& englishMessage);

// A split's name as the engine writes it ("train", "validation", "holdout",
// "test"), translated; other names come back unchanged.
QString splitName(const QString& split);

// The English template that recognises englishMessage (its reason part, for a
// located error); empty when none does. For tests and debugging.
QString matchedTemplate(const QString& englishMessage);

// One catalogue entry. group is 0 for a message and a letter for a nested
// phrase; arguments has one kind per placeholder %1, %2, …: '.' kept as it is,
// '*' any engine message (translated in turn), 'o' an option-schema label, a
// lowercase letter a phrase of that group (kept when none matches), an
// uppercase letter one that must match for the entry to apply, '[' a ", "
// list of group 'k' phrases.
struct Template {
    char group;
    const char* source;
    const char* arguments;
};
const std::vector<Template>& catalogue();

}  // namespace EngineMessages

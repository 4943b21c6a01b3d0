// How the workbench talks to the user in dialogs. Errors are non-modal
// message boxes (open(), not exec()) named "errorDialog", so the event loop
// keeps running and a test finds them among QApplication::topLevelWidgets().
// Questions that must block (discard an unsaved model?) go through a hook a
// test can replace.
#pragma once

#include <QString>
#include <functional>

class QWidget;
class QMessageBox;

namespace MessageDialogs {

// Shows `message` (the engine's words) under `title`; returns the box, which deletes itself on close.
QMessageBox* showError(QWidget* parent, const QString& title, const QString& message);

// Yes/No question; returns true for Yes.
bool confirm(QWidget* parent, const QString& title, const QString& question);

// Replaces confirm()'s dialog (tests); an empty function restores it.
void setConfirmHook(std::function<bool(const QString& question)> hook);

// Save / Discard / Cancel, for work that would be lost (the quit prompt).
enum class SaveChoice { Save, Discard, Cancel };
SaveChoice askToSave(QWidget* parent, const QString& title, const QString& question);
void setSaveHook(std::function<SaveChoice(const QString& question)> hook);

// A folder to write into; "" when cancelled.
QString chooseFolder(QWidget* parent, const QString& title);
void setFolderHook(std::function<QString(const QString& title)> hook);

}  // namespace MessageDialogs

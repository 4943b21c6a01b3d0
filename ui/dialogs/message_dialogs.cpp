// MessageDialogs: see message_dialogs.h.
#include "dialogs/message_dialogs.h"

#include <QFileDialog>
#include <QMessageBox>

namespace MessageDialogs {
namespace {
std::function<bool(const QString&)>& confirmHook() {
    static std::function<bool(const QString&)> hook;
    return hook;
}
std::function<SaveChoice(const QString&)>& saveHook() {
    static std::function<SaveChoice(const QString&)> hook;
    return hook;
}
std::function<QString(const QString&)>& folderHook() {
    static std::function<QString(const QString&)> hook;
    return hook;
}
}  // namespace

QMessageBox* showError(QWidget* parent, const QString& title, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
    return box;
}

bool confirm(QWidget* parent, const QString& title, const QString& question) {
    if (confirmHook()) return confirmHook()(question);
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void setConfirmHook(std::function<bool(const QString&)> hook) { confirmHook() = std::move(hook); }

SaveChoice askToSave(QWidget* parent, const QString& title, const QString& question) {
    if (saveHook()) return saveHook()(question);
    QMessageBox box(QMessageBox::Warning, title, question, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                    parent);
    box.setObjectName(QStringLiteral("saveQuestion"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return SaveChoice::Save;
    case QMessageBox::Discard: return SaveChoice::Discard;
    default: return SaveChoice::Cancel;
    }
}

void setSaveHook(std::function<SaveChoice(const QString&)> hook) { saveHook() = std::move(hook); }

QString chooseFolder(QWidget* parent, const QString& title) {
    if (folderHook()) return folderHook()(title);
    return QFileDialog::getExistingDirectory(parent, title);
}

void setFolderHook(std::function<QString(const QString&)> hook) { folderHook() = std::move(hook); }

}  // namespace MessageDialogs

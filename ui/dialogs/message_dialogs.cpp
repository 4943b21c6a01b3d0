// MessageDialogs: see message_dialogs.h.
#include "dialogs/message_dialogs.h"

#include <QMessageBox>

namespace MessageDialogs {
namespace {
std::function<bool(const QString&)>& confirmHook() {
    static std::function<bool(const QString&)> hook;
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

}  // namespace MessageDialogs

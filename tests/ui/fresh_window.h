// A main window as on a first launch, for GUI tests: test-mode settings and data
// folders wiped, confirmations answered yes, shown at a fixed size.
#pragma once

#include "window/main_window.h"
#include "dialogs/message_dialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

inline std::unique_ptr<MainWindow> openFreshWindow(const QString& applicationName) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BertBenchTest"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    MessageDialogs::setConfirmHook([](const QString&) { return true; });
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    return window;
}

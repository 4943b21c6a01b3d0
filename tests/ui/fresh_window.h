// A main window as on a first launch, for GUI tests: test-mode settings and data
// folders wiped, an empty Hugging Face cache, confirmations answered yes (the
// quit prompt: Discard), shown at a fixed size. By default the welcome page's
// CoLA card is chosen, which (with no pretrained model in the cache) imports
// the bundled CoLA and creates a new tiny model, as most tests need.
#pragma once

#include "window/main_window.h"
#include "dialogs/message_dialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <memory>
#include <optional>

inline void isolateHubCache() {
    // An empty, existing folder first in transformers' precedence, so the
    // machine's own cache (if any) never changes what a test sees.
    static const QString empty = QDir::temp().filePath(QStringLiteral("bertbench-test-empty-hub-cache"));
    QDir().mkpath(empty);
    qputenv("HF_HUB_CACHE", empty.toUtf8());
    qputenv("HF_HOME", empty.toUtf8());
    qputenv("TRANSFORMERS_CACHE", empty.toUtf8());
    qputenv("HOME", QDir::temp().filePath(QStringLiteral("bertbench-test-home")).toUtf8());
}

inline void clearTestProfile(const QString& applicationName) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BertBenchTest"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
}

inline std::unique_ptr<MainWindow> openFreshWindow(
    const QString& applicationName,
    std::optional<WelcomePage::Choice> choice = WelcomePage::Choice::ColaSample) {
    isolateHubCache();
    clearTestProfile(applicationName);
    MessageDialogs::setConfirmHook([](const QString&) { return true; });
    MessageDialogs::setSaveHook([](const QString&) { return MessageDialogs::SaveChoice::Discard; });
    auto window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    if (choice) window->startWith(*choice);
    return window;
}

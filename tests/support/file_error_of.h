// The message of the FileError a call throws, for tests that check what a
// person would read; any other outcome comes back as a text that no expected
// message matches ("no error", "not a FileError: ...").
#pragma once

#include "common/errors.h"

#include <QString>
#include <QtTest>

#include <functional>

#include <exception>

namespace fixtures {

template <typename F>
QString fileErrorOf(F&& call) {
    try {
        call();
    } catch (const bertbench::FileError& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QStringLiteral("not a FileError: ") + QString::fromStdString(e.what());
    }
    return QStringLiteral("no error");
}

// Checks that `action` throws a FileError whose path ends with `path` and
// whose message contains `fragment`.
inline void expectFileError(const std::function<void()>& action, const QString& path, const QString& fragment) {
    try {
        action();
        QFAIL("no error");
    } catch (const bertbench::FileError& e) {
        QVERIFY2(QString::fromStdString(e.path()).endsWith(path), e.what());
        QVERIFY2(QString(e.what()).contains(fragment), e.what());
    }
}

}  // namespace fixtures

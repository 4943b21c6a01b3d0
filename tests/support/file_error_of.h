// The message of the FileError a call throws, for tests that check what a
// person would read; any other outcome comes back as a text that no expected
// message matches ("no error", "not a FileError: ...").
#pragma once

#include "common/errors.h"

#include <QString>

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

}  // namespace fixtures

// Writing a made-up input file into a test's temporary folder, byte for byte.
#pragma once

#include <QByteArray>
#include <QTemporaryDir>

#include <fstream>
#include <string>

namespace fixtures {

inline std::string writeFile(const QTemporaryDir& dir, const QByteArray& content, const char* name) {
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary).write(content.constData(), content.size());
    return path;
}

}  // namespace fixtures

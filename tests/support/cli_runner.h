// Running the real bertbench-cli from a test and reading what it printed.
#pragma once

#include "test_paths.h"
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <vector>

namespace fixtures {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    // stdout as JSON lines
    std::vector<nlohmann::json> lines() const {
        std::vector<nlohmann::json> rows;
        for (const auto& line : out.split('\n', Qt::SkipEmptyParts)) rows.push_back(nlohmann::json::parse(line.toStdString()));
        return rows;
    }
};

inline CliRun cli(const QStringList& arguments,
                  const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(testpaths::cliPath(), arguments);
    process.waitForFinished(300000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// A request the CLI refuses: the documented exit code, a message on stderr
// that names the problem, and nothing on stdout.
inline void expectRefusal(const QStringList& arguments, int exitCode, const QString& message) {
    const auto run = cli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

}  // namespace fixtures

// BundledData: see bundled_data.h.
#include "window/bundled_data.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace BundledData {
namespace {

QString copyOut(const QString& resource, const QString& target) {
    const QFileInfo existing(target);
    if (existing.exists() && existing.size() == QFileInfo(resource).size()) return target;
    QDir().mkpath(existing.absolutePath());
    QFile::remove(target);
    if (!QFile::copy(resource, target)) return {};
    // Resources are read-only; the copy should be an ordinary user file.
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return target;
}

}  // namespace

Paths extract() {
    const QDir base(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    Paths p;
    p.train = copyOut(QStringLiteral(":/data/cola/in_domain_train.tsv"), base.filePath("data/cola/in_domain_train.tsv"));
    p.dev = copyOut(QStringLiteral(":/data/cola/in_domain_dev.tsv"), base.filePath("data/cola/in_domain_dev.tsv"));
    p.holdout =
        copyOut(QStringLiteral(":/data/cola/out_of_domain_dev.tsv"), base.filePath("data/cola/out_of_domain_dev.tsv"));
    p.topics = copyOut(QStringLiteral(":/data/agnews/agnews_topics.csv"), base.filePath("data/agnews/agnews_topics.csv"));
    copyOut(QStringLiteral(":/data/agnews/README.md"), base.filePath("data/agnews/README.md"));
    p.readme = copyOut(QStringLiteral(":/data/cola/README.md"), base.filePath("data/cola/README.md"));
    p.vocab = copyOut(QStringLiteral(":/vocab/bert-base-uncased-vocab.txt"), base.filePath("vocab/bert-base-uncased-vocab.txt"));
    return p;
}

}  // namespace BundledData

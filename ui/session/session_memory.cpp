// SessionMemory: see session_memory.h.
#include "session/session_memory.h"

#include "data/format_preset.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace SessionMemory {
namespace {

const QString kDataset = QStringLiteral("session/dataset");
const QString kHoldout = QStringLiteral("session/holdout");
const QString kModel = QStringLiteral("session/model");

QJsonObject columnJson(const bertbench::ColumnRef& column) {
    return {{QStringLiteral("name"), qs(column.name)}, {QStringLiteral("index"), column.index}};
}

bertbench::ColumnRef columnFrom(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    return {ss(o.value(QStringLiteral("name")).toString()), o.value(QStringLiteral("index")).toInt(-1)};
}

void store(const QString& key, const QJsonObject& object) {
    QSettings().setValue(key, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QJsonObject load(const QString& key) {
    return QJsonDocument::fromJson(QSettings().value(key).toString().toUtf8()).object();
}

}  // namespace

void rememberDataset(const ImportRequest& r) {
    const auto& o = r.options;
    QJsonObject json{{QStringLiteral("path"), QFileInfo(r.path).absoluteFilePath()},
                     {QStringLiteral("format"), qs(std::string(bertbench::formatName(o.format)))},
                     {QStringLiteral("text"), columnJson(o.textColumn)},
                     {QStringLiteral("pair"), columnJson(o.textPairColumn)},
                     {QStringLiteral("label"), columnJson(o.labelColumn)},
                     {QStringLiteral("unlabelled"), o.unlabelled},
                     {QStringLiteral("skipBadRows"), o.skipBadRows},
                     {QStringLiteral("validation"), r.validationRatio},
                     {QStringLiteral("seed"), QString::number(r.seed)},
                     {QStringLiteral("stratified"), r.stratified}};
    if (o.header) json.insert(QStringLiteral("header"), *o.header);
    if (o.delimiter) json.insert(QStringLiteral("delimiter"), int(*o.delimiter));
    if (o.quoting) json.insert(QStringLiteral("quoting"), *o.quoting);
    store(kDataset, json);
}

void rememberHoldout(const QString& path) {
    QSettings().setValue(kHoldout, path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
}

void rememberModel(const LoadedModel& model) {
    QJsonObject json;
    if (!model.folder.isEmpty()) {
        json.insert(QStringLiteral("folder"), QFileInfo(model.folder).absoluteFilePath());
    } else if (model.created) {
        const auto& c = *model.created;
        json = {{QStringLiteral("preset"), c.preset},
                {QStringLiteral("vocab"), c.vocabPath},
                {QStringLiteral("lowercase"), c.lowercase},
                {QStringLiteral("seed"), QString::number(c.seed)},
                {QStringLiteral("family"), qs(bertbench::modelTypeName(c.family))}};
    }
    store(kModel, json);
}

void forget() {
    QSettings settings;
    for (const auto& key : {kDataset, kHoldout, kModel}) settings.remove(key);
}

std::optional<ImportRequest> lastDataset() {
    const QJsonObject json = load(kDataset);
    ImportRequest r;
    r.path = json.value(QStringLiteral("path")).toString();
    const auto format = bertbench::parseFormatName(ss(json.value(QStringLiteral("format")).toString()));
    if (r.path.isEmpty() || !format || !QFileInfo(r.path).isFile()) return std::nullopt;
    auto& o = r.options;
    o.format = *format;
    if (json.contains(QStringLiteral("header"))) o.header = json.value(QStringLiteral("header")).toBool();
    if (json.contains(QStringLiteral("delimiter"))) o.delimiter = char(json.value(QStringLiteral("delimiter")).toInt());
    if (json.contains(QStringLiteral("quoting"))) o.quoting = json.value(QStringLiteral("quoting")).toBool();
    o.textColumn = columnFrom(json.value(QStringLiteral("text")));
    o.textPairColumn = columnFrom(json.value(QStringLiteral("pair")));
    o.labelColumn = columnFrom(json.value(QStringLiteral("label")));
    o.unlabelled = json.value(QStringLiteral("unlabelled")).toBool();
    o.skipBadRows = json.value(QStringLiteral("skipBadRows")).toBool();
    r.validationRatio = json.value(QStringLiteral("validation")).toDouble(0.1);
    r.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    r.stratified = json.value(QStringLiteral("stratified")).toBool();
    return r;
}

QString lastHoldout() {
    const QString path = QSettings().value(kHoldout).toString();
    return QFileInfo(path).isFile() ? path : QString();
}

std::optional<LastModel> lastModel() {
    const QJsonObject json = load(kModel);
    LastModel m;
    if (json.contains(QStringLiteral("folder"))) {
        m.folder = json.value(QStringLiteral("folder")).toString();
        if (!QFileInfo(m.folder).isDir()) return std::nullopt;
        return m;
    }
    if (!json.contains(QStringLiteral("preset"))) return std::nullopt;
    NewModelSpec spec;
    try {
        spec.family = bertbench::familyOfModelType(ss(json.value(QStringLiteral("family")).toString()));
    } catch (const std::exception&) {
        return std::nullopt;  // settings from another version: not worth a dialog
    }
    spec.preset = json.value(QStringLiteral("preset")).toString();
    spec.vocabPath = json.value(QStringLiteral("vocab")).toString();
    spec.lowercase = json.value(QStringLiteral("lowercase")).toBool(true);
    spec.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    m.created = spec;
    return m;
}

}  // namespace SessionMemory

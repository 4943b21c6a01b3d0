// Metatype registration and string helpers for workbench_types.h.
#include "session/workbench_types.h"

#include <QCoreApplication>
#include <QFileInfo>

void registerWorkbenchMetaTypes() {
    qRegisterMetaType<DatasetPtr>();
    qRegisterMetaType<ImportRequest>();
    qRegisterMetaType<ImportedData>();
    qRegisterMetaType<LoadedModel>();
    qRegisterMetaType<EvaluationOutcome>();
    qRegisterMetaType<TrainingOutcome>();
    qRegisterMetaType<bertbench::StepReport>();
    qRegisterMetaType<bertbench::EvaluationReport>();
    qRegisterMetaType<bertbench::Prediction>();
}

QStringList toQStringList(const std::vector<std::string>& list) {
    QStringList out;
    out.reserve(int(list.size()));
    for (const auto& s : list) out << qs(s);
    return out;
}

std::vector<std::string> toStdVector(const QStringList& list) {
    std::vector<std::string> out;
    out.reserve(size_t(list.size()));
    for (const auto& s : list) out.push_back(ss(s));
    return out;
}

QString modelSourceName(const LoadedModel& model) {
    if (!model.folder.isEmpty()) return QFileInfo(model.folder).fileName();
    // The engine says "preset tiny"; in the UI it is a new model of that size.
    const QString source = qs(model.summary.source);
    if (model.created || source.startsWith(QLatin1String("preset ")))
        return QCoreApplication::translate("WorkbenchTypes", "new %1 model")
            .arg(model.created ? model.created->preset : source.mid(7));
    return source;
}
